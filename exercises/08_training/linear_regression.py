"""Linear regression by gradient descent / 用梯度下降做线性回归

English
-------
The notes list how long 20 students studied and the score each one got:

    hours  0.50 0.75 1.00 1.25 1.50 1.75 1.75 2.00 2.25 2.50
    score    10   22   13   43   20   22   33   50   62   48
    hours  2.75 3.00 3.25 3.50 4.00 4.25 4.50 4.75 5.00 5.50
    score    55   75   62   73   81   76   64   82   90   93

Fit a straight line  score = slope * hours + intercept  in two ways.

1. `least_squares(x, y) -> (slope, intercept)`: the exact answer. Build the
   (N, 2) design matrix A whose columns are x and a column of ones (the ones
   carry the intercept), then solve A @ [slope, intercept] ≈ y with
   `torch.linalg.lstsq(A, y.unsqueeze(1))` (or the normal equations
   (AᵀA) w = Aᵀy with `torch.linalg.solve`).

2. `fit_line(x, y, lr=0.05, steps=1000) -> (slope, intercept)`: the same line
   found by gradient descent, the way every network in this course learns.
   - start from slope = 0 and intercept = 0, both with requires_grad=True;
   - repeat `steps` times: predict, loss = MEAN of the squared errors
     (nn.MSELoss() or ((pred - y) ** 2).mean()), clear the old gradients,
     loss.backward(), then move each parameter by -lr * its gradient
     (torch.optim.SGD([w, b], lr=lr) does exactly this, or do it by hand
     inside `with torch.no_grad():`).
   Do not change x or y, and use the lr and steps you are given.

x and y are 1-D float tensors of the same length. Both functions return
two Python floats (use .item()). For the table above the line is about
score ≈ 16.21 * hours + 8.52, and gradient descent must land on it too.

    >>> hours = torch.tensor([1.0, 2.0, 3.0]); scores = 2 * hours + 1
    >>> least_squares(hours, scores)
    (2.0, 1.0)                       # up to rounding

中文
----
笔记中记录了 20 名学生的学习时间（hours，小时）和考试分数（score）：

    hours  0.50 0.75 1.00 1.25 1.50 1.75 1.75 2.00 2.25 2.50
    score    10   22   13   43   20   22   33   50   62   48
    hours  2.75 3.00 3.25 3.50 4.00 4.25 4.50 4.75 5.00 5.50
    score    55   75   62   73   81   76   64   82   90   93

请用两种方法拟合一条直线 score = slope * hours + intercept。

1. `least_squares(x, y) -> (slope, intercept)`：精确解。构造 (N, 2) 的设计矩阵 A，
   两列分别是 x 和全 1 列（全 1 列对应截距），然后用
   `torch.linalg.lstsq(A, y.unsqueeze(1))` 求解 A @ [slope, intercept] ≈ y
   （也可以用正规方程 (AᵀA) w = Aᵀy 和 `torch.linalg.solve`）。

2. `fit_line(x, y, lr=0.05, steps=1000) -> (slope, intercept)`：用梯度下降找到同一条直线，
   本课程中每个网络都是这样学习的。
   - 从 slope = 0、intercept = 0 开始，两者都设 requires_grad=True；
   - 重复 `steps` 次：预测，损失取平方误差的“平均值”（nn.MSELoss() 或
     ((pred - y) ** 2).mean()），清除旧梯度，loss.backward()，然后让每个参数移动
     -lr * 梯度（torch.optim.SGD([w, b], lr=lr) 正是这样做的；也可以在
     `with torch.no_grad():` 中手动更新）。
   不要修改 x 和 y，并使用传入的 lr 和 steps。

x 和 y 是长度相同的一维浮点张量。两个函数都返回两个 Python 浮点数（用 .item()）。
对上表，直线大约是 score ≈ 16.21 * hours + 8.52，梯度下降也必须收敛到这条线。

        >>> hours = torch.tensor([1.0, 2.0, 3.0]); scores = 2 * hours + 1
        >>> least_squares(hours, scores)
        (2.0, 1.0)                       # 允许有舍入误差

Check your work / 检查：  learn check linear_regression
"""

import torch
from torch import nn


def least_squares(x: torch.Tensor, y: torch.Tensor) -> tuple[float, float]:
    # TODO: A = [x, 1] as an (N, 2) matrix; solve with torch.linalg.lstsq; return (slope, intercept) as floats.
    # TODO：构造 (N, 2) 矩阵 A = [x, 1]；用 torch.linalg.lstsq 求解；以浮点数返回 (slope, intercept)。
    raise NotImplementedError("least_squares")


def fit_line(x: torch.Tensor, y: torch.Tensor, lr: float = 0.05, steps: int = 1000) -> tuple[float, float]:
    # TODO: gradient descent from slope = intercept = 0 on the mean squared error, `steps` updates of size lr.
    # TODO：从 slope = intercept = 0 开始，对均方误差做梯度下降，共 `steps` 次、学习率为 lr 的更新。
    raise NotImplementedError("fit_line")
