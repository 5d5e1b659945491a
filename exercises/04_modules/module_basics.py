"""Your first modules / 你的第一个模块

English
-------
Every network in PyTorch is an `nn.Module`: a class that calls
`super().__init__()` in its constructor, creates its layers there, and
describes the computation in `forward`. You call the module itself,
`model(x)`, and PyTorch calls `forward` for you.

1. `AddOne`: `forward(input)` returns `input + 1`. It must keep the input's
   shape, dtype and device, and let gradients flow.

       AddOne()(torch.tensor(1.0))  ->  tensor(2.)

2. `ReluNet`: creates an `nn.ReLU()` layer in `__init__` and applies it in
   `forward`: negative values become 0, the others stay.

       ReluNet()(torch.tensor([[1.0, -0.5], [-1.0, 3.0]]))  ->  [[1., 0.], [0., 3.]]

中文
----
PyTorch 里的每个网络都是一个 `nn.Module`：在构造函数里调用
`super().__init__()` 并创建各层，在 `forward` 里描述计算过程。使用时直接调用
模块本身 `model(x)`，PyTorch 会替你调用 `forward`。

1. `AddOne`：`forward(input)` 返回 `input + 1`。要保持输入的形状、dtype 和设备，
   并且让梯度可以传回去。

       AddOne()(torch.tensor(1.0))  ->  tensor(2.)

2. `ReluNet`：在 `__init__` 中创建一个 `nn.ReLU()` 层，并在 `forward` 中使用它：
   负数变成 0，其余保持不变。

       ReluNet()(torch.tensor([[1.0, -0.5], [-1.0, 3.0]]))  ->  [[1., 0.], [0., 3.]]

Check your work / 检查：  learn check module_basics
"""

import torch
from torch import nn


class AddOne(nn.Module):
    def __init__(self):
        super().__init__()

    def forward(self, input: torch.Tensor) -> torch.Tensor:
        # TODO: return the input plus one. / TODO：返回输入加一。
        raise NotImplementedError("AddOne.forward")


class ReluNet(nn.Module):
    def __init__(self):
        super().__init__()
        # TODO: create an nn.ReLU layer and keep it as an attribute.
        # TODO：创建一个 nn.ReLU 层，并保存为属性。

    def forward(self, input: torch.Tensor) -> torch.Tensor:
        # TODO: apply the ReLU layer. / TODO：使用 ReLU 层。
        raise NotImplementedError("ReluNet.forward")
