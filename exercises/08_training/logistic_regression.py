"""Logistic regression on two kinds of iris / 用逻辑回归区分两种鸢尾花

English
-------
The notes describe logistic regression in three steps:
1. a linear score  z = x @ weight + bias  (any real number);
2. the sigmoid squeezes it into (0, 1): p = 1 / (1 + exp(-z)), the
   probability of the positive class;
3. a threshold, usually 0.5: p > 0.5 is class 1, everything else class 0.

You will separate Iris versicolor (0) from Iris virginica (1) using the four
flower measurements of scikit-learn's bundled iris data (the check loads it,
standardises it and holds a third of it back to test your model).

Write:
- `sigmoid(z)`: 1 / (1 + torch.exp(-z)), elementwise, any shape and device.
  Its VALUE stays finite: at z = -100, exp(100) overflows to inf in float32
  and 1 / inf is a clean 0. Do not write exp(z) / (1 + exp(z)): at z = 100
  that is inf / inf = nan. Its GRADIENT is not safe: at z = -100 it is
  inf / inf = nan (the activations exercise shows it). torch.sigmoid(z) is
  safe for both and is allowed here.
- `bce_loss(p, y)`: the binary cross-entropy, a 0-d tensor:
      mean over samples of  -( y * log(p) + (1 - y) * log(1 - p) )
  where y holds 0.0 / 1.0. Like nn.BCELoss, clamp each log at -100
  (torch.log(p).clamp(min=-100)) so that p = 0 or p = 1 gives a finite loss.
- `predict(p, threshold=0.5)`: class labels as an int64 tensor, 1 where
  p > threshold (strictly), else 0. A probability of exactly 0.5 is class 0.
- `fit_logistic(x, y, lr=0.1, epochs=300) -> (weight, bias)`: x is (N, F)
  float32, y is (N,) of 0.0 / 1.0. Start from weight = zeros(F) and
  bias = zeros(()) with requires_grad=True, and run `epochs` steps of full-batch
  gradient descent on bce_loss(sigmoid(x @ weight + bias), y) with learning
  rate lr (torch.optim.SGD([weight, bias], lr=lr)). Return both detached:
  weight of shape (F,), bias of shape ().

      >>> sigmoid(torch.tensor([0.0, 2.0]))
      tensor([0.5000, 0.8808])
      >>> predict(torch.tensor([0.2, 0.5, 0.7]))
      tensor([0, 0, 1])

The trained model must classify at least 90% of the held-out flowers correctly.

中文
----
笔记把逻辑回归分成三步：
1. 线性得分 z = x @ weight + bias（可以是任意实数）；
2. 用 sigmoid 把它压缩到 (0, 1)：p = 1 / (1 + exp(-z))，即属于正类的概率；
3. 设一个阈值，通常为 0.5：p > 0.5 判为类别 1，其余判为类别 0。

你要用 scikit-learn 自带的鸢尾花数据中的四个测量值，区分变色鸢尾（0）和维吉尼亚鸢尾（1）
（检查程序会加载数据、做标准化，并留出三分之一的数据来测试你的模型）。

请实现：
- `sigmoid(z)`：逐元素计算 1 / (1 + torch.exp(-z))，适用于任意形状和设备。
  它的“值”是有限的：z = -100 时，float32 中 exp(100) 溢出成 inf，而 1 / inf 正好是 0。
  不要写成 exp(z) / (1 + exp(z))：z = 100 时它是 inf / inf = nan。它的“梯度”并不安全：
  z = -100 时梯度是 inf / inf = nan（激活函数那道练习里有演示）。torch.sigmoid(z)
  两方面都安全，这里也可以用。
- `bce_loss(p, y)`：二元交叉熵，返回 0 维张量：
      对所有样本取平均  -( y * log(p) + (1 - y) * log(1 - p) )
  其中 y 为 0.0 / 1.0。和 nn.BCELoss 一样，把每个 log 截断在 -100 以上
  （torch.log(p).clamp(min=-100)），这样 p = 0 或 p = 1 时损失仍然有限。
- `predict(p, threshold=0.5)`：以 int64 张量返回类别，p > threshold（严格大于）为 1，否则为 0。
  概率正好是 0.5 时属于类别 0。
- `fit_logistic(x, y, lr=0.1, epochs=300) -> (weight, bias)`：x 为 (N, F) 的 float32，
  y 为 (N,) 的 0.0 / 1.0。从 weight = zeros(F)、bias = zeros(()) 开始（requires_grad=True），
  对 bce_loss(sigmoid(x @ weight + bias), y) 做 `epochs` 步全批量梯度下降，学习率为 lr
  （torch.optim.SGD([weight, bias], lr=lr)）。返回分离（detach）后的两者：
  weight 形状为 (F,)，bias 形状为 ()。

      >>> sigmoid(torch.tensor([0.0, 2.0]))
      tensor([0.5000, 0.8808])
      >>> predict(torch.tensor([0.2, 0.5, 0.7]))
      tensor([0, 0, 1])

训练好的模型在留出的花上至少要有 90% 的准确率。

Check your work / 检查：  learn check logistic_regression
"""

import torch


def sigmoid(z: torch.Tensor) -> torch.Tensor:
    # TODO: 1 / (1 + exp(-z)). / TODO：1 / (1 + exp(-z))。
    raise NotImplementedError("sigmoid")


def bce_loss(p: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    # TODO: mean of -(y * log p + (1 - y) * log(1 - p)), each log clamped at -100.
    # TODO：-(y * log p + (1 - y) * log(1 - p)) 的平均值，每个 log 都截断在 -100 以上。
    raise NotImplementedError("bce_loss")


def predict(p: torch.Tensor, threshold: float = 0.5) -> torch.Tensor:
    # TODO: int64 labels, 1 where p > threshold. / TODO：int64 类别，p > threshold 处为 1。
    raise NotImplementedError("predict")


def fit_logistic(x: torch.Tensor, y: torch.Tensor, lr: float = 0.1, epochs: int = 300) -> tuple[torch.Tensor, torch.Tensor]:
    # TODO: full-batch gradient descent from zeros; return (weight.detach(), bias.detach()).
    # TODO：从 0 开始做全批量梯度下降；返回 (weight.detach(), bias.detach())。
    raise NotImplementedError("fit_logistic")
