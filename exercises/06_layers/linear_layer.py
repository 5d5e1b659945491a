"""Your own Linear layer / 自己实现 Linear 层

English
-------
`nn.Linear(in_features, out_features)` computes y = x @ W.T + b. Write the
same layer yourself as `MyLinear(nn.Module)`:

- `__init__(in_features, out_features)` creates two learnable tensors and
  registers them by wrapping them in `nn.Parameter`:

      self.weight   shape (out_features, in_features)   <- note the order
      self.bias     shape (out_features,)

  A plain tensor, even with requires_grad=True, is invisible to the module:
  it is not in model.parameters(), so an optimizer never updates it, and
  model.to(device) does not move it.
  Initialise both like nn.Linear does: uniformly in
  [-1/sqrt(in_features), 1/sqrt(in_features)] (tensor.uniform_(a, b)).
- `forward(x)` returns x @ self.weight.T + self.bias. x has shape
  (..., in_features): (N, in_features) for a batch, but also (in_features,)
  for one sample or (A, B, in_features); the result has out_features in the
  last dimension. `@` handles all of these; torch.mm only handles 2-D.

Example, as in the notes (a batch of flattened images into 10 classes):

    >>> layer = MyLinear(3 * 32 * 32, 10)
    >>> [tuple(p.shape) for p in layer.parameters()]
    [(10, 3072), (10,)]
    >>> layer(torch.randn(64, 3072)).shape
    torch.Size([64, 10])

Given the same weight and bias, MyLinear must give exactly what nn.Linear
gives, gradients included.

中文
----
`nn.Linear(in_features, out_features)` 计算 y = x @ W.T + b。请自己实现同样的层
`MyLinear(nn.Module)`：

- `__init__(in_features, out_features)` 创建两个可学习的张量，并用 `nn.Parameter`
  包装来注册它们：self.weight 形状为 (out_features, in_features)（注意顺序），
  self.bias 形状为 (out_features,)。普通张量即使 requires_grad=True，模块也看不见它：
  它不在 model.parameters() 里，优化器永远不会更新它，model.to(device) 也不会移动它。
  初始化方式与 nn.Linear 相同：在 [-1/sqrt(in_features), 1/sqrt(in_features)] 内
  均匀分布（tensor.uniform_(a, b)）。
- `forward(x)` 返回 x @ self.weight.T + self.bias。x 的形状是 (..., in_features)：
  一批数据是 (N, in_features)，一个样本是 (in_features,)，也可以是 (A, B, in_features)；
  结果的最后一维是 out_features。`@` 能处理所有这些情况；torch.mm 只能处理二维。

例如，和笔记中一样（把一批展平的图片分成 10 类）：

        >>> layer = MyLinear(3 * 32 * 32, 10)
        >>> [tuple(p.shape) for p in layer.parameters()]
        [(10, 3072), (10,)]
        >>> layer(torch.randn(64, 3072)).shape
        torch.Size([64, 10])

权重和偏置相同时，MyLinear 的结果（包括梯度）必须与 nn.Linear 完全一致。

Check your work / 检查：  learn check linear_layer
"""

import torch
from torch import nn


class MyLinear(nn.Module):
    def __init__(self, in_features: int, out_features: int):
        super().__init__()
        # TODO: self.weight = nn.Parameter(...) of shape (out_features, in_features),
        #       self.bias = nn.Parameter(...) of shape (out_features,), both uniform in ±1/sqrt(in_features).
        # TODO：self.weight = nn.Parameter(...)，形状 (out_features, in_features)；
        #       self.bias = nn.Parameter(...)，形状 (out_features,)；都在 ±1/sqrt(in_features) 内均匀分布。
        raise NotImplementedError("MyLinear.__init__")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # TODO: x @ W.T + b / TODO：x @ W.T + b
        raise NotImplementedError("MyLinear.forward")
