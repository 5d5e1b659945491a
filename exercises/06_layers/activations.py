"""Activation functions by hand / 亲手实现激活函数

English
-------
Activations put the non-linearity between layers. Write four of them with
elementary tensor operations (torch.exp, torch.log1p, torch.where, +, -, *, /
...), NOT with torch.relu / torch.sigmoid / torch.tanh / F.softplus:

    relu(x)     = max(0, x)
    sigmoid(x)  = 1 / (1 + exp(-x))            values in (0, 1)
    tanh(x)     = (exp(x) - exp(-x)) / (exp(x) + exp(-x))   values in (-1, 1)
    softplus(x) = log(1 + exp(x))              a smooth relu

Each function takes a tensor of any shape and returns a tensor of the same
shape, dtype and device. Values AND gradients must equal PyTorch's own
functions, including:

- very large inputs. In float32, exp(x) overflows to inf once x > 88.7.
  The textbook formulas then give inf / inf = nan (tanh(100), softplus's
  gradient at 100) or a nan gradient even when the value looks fine
  (1 / (1 + exp(100)) is 0, but its derivative is inf / inf). Rearrange
  each formula so that exp only ever sees numbers <= 0, e.g. for x < 0
  use sigmoid(x) = exp(x) / (1 + exp(x)).
  Careful with torch.where: the branch it does NOT pick is still
  differentiated, and 0 * inf = nan there too. Feed both branches
  safe inputs.
- exactly x = 0. relu's gradient at 0 is 0, as torch.relu's. sigmoid,
  tanh and softplus are smooth: their slopes at 0 are 0.25, 1 and 0.5. Note
  that x.abs() has gradient 0 at x = 0, which can silently zero a slope.

Examples (the notes plot these on torch.linspace(-6, 6, 100)):

    >>> relu(torch.tensor([[1.0, -0.5], [-1.0, 3.0]]))
    tensor([[1., 0.], [0., 3.]])
    >>> sigmoid(torch.tensor([-100.0, 0.0, 100.0]))
    tensor([0.0000, 0.5000, 1.0000])
    >>> softplus(torch.tensor([100.0]))
    tensor([100.])

中文
----
激活函数为层与层之间引入非线性。请只用基本的张量运算（torch.exp、torch.log1p、
torch.where、+、-、*、/ 等）实现下面四个函数，不要直接调用 torch.relu、
torch.sigmoid、torch.tanh 或 F.softplus：

    relu(x)     = max(0, x)
    sigmoid(x)  = 1 / (1 + exp(-x))            取值在 (0, 1) 内
    tanh(x)     = (exp(x) - exp(-x)) / (exp(x) + exp(-x))   取值在 (-1, 1) 内
    softplus(x) = log(1 + exp(x))              平滑版的 relu

每个函数接收任意形状的张量，返回形状、dtype、设备都相同的张量。数值和梯度都要
与 PyTorch 自带的函数一致，包括：

- 很大的输入。float32 中 x > 88.7 时 exp(x) 会溢出为 inf。课本上的公式这时会得到
  inf / inf = nan（比如 tanh(100)、softplus 在 100 处的梯度），或者数值看起来没问题、
  梯度却是 nan（1 / (1 + exp(100)) 等于 0，但它的导数是 inf / inf）。请改写公式，
  让 exp 只接收 <= 0 的数，例如 x < 0 时用 sigmoid(x) = exp(x) / (1 + exp(x))。
  小心 torch.where：没被选中的那个分支同样会参与求导，0 * inf 在那里也是 nan。
  要让两个分支的输入都是安全的。
- 恰好 x = 0。relu 在 0 处的梯度是 0，与 torch.relu 相同。sigmoid、tanh、softplus
  都是光滑的，它们在 0 处的斜率分别是 0.25、1 和 0.5。注意 x.abs() 在 x = 0 处的
  梯度是 0，可能会不声不响地把斜率变成 0。

例子（笔记在 torch.linspace(-6, 6, 100) 上画出了这些函数）：

        >>> relu(torch.tensor([[1.0, -0.5], [-1.0, 3.0]]))
        tensor([[1., 0.], [0., 3.]])
        >>> sigmoid(torch.tensor([-100.0, 0.0, 100.0]))
        tensor([0.0000, 0.5000, 1.0000])
        >>> softplus(torch.tensor([100.0]))
        tensor([100.])

Check your work / 检查：  learn check activations
"""

import torch


def relu(x: torch.Tensor) -> torch.Tensor:
    # TODO: keep positive values, replace the rest by 0.
    # TODO：保留正数，其余替换为 0。
    raise NotImplementedError("relu")


def sigmoid(x: torch.Tensor) -> torch.Tensor:
    # TODO: 1 / (1 + exp(-x)), rearranged so that exp never overflows.
    # TODO：1 / (1 + exp(-x))，改写成 exp 永远不会溢出的形式。
    raise NotImplementedError("sigmoid")


def tanh(x: torch.Tensor) -> torch.Tensor:
    # TODO: (exp(x) - exp(-x)) / (exp(x) + exp(-x)), without overflow.
    # TODO：(exp(x) - exp(-x)) / (exp(x) + exp(-x))，不能溢出。
    raise NotImplementedError("tanh")


def softplus(x: torch.Tensor) -> torch.Tensor:
    # TODO: log(1 + exp(x)), without overflow (torch.log1p helps).
    # TODO：log(1 + exp(x))，不能溢出（torch.log1p 会有帮助）。
    raise NotImplementedError("softplus")
