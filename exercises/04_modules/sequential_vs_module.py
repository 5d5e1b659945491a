"""Named Sequential and nn.ModuleList / 带名字的 Sequential 与 nn.ModuleList

English
-------
1. `make_named_sequential()`: the notes pass an OrderedDict of
   (name, layer) pairs to nn.Sequential, so the layers get names instead
   of 0, 1, 2, 3. Return this model:

       conv1: Conv2d(1, 20, 5)     (N, 1, 28, 28) -> (N, 20, 24, 24)
       relu1: ReLU()
       conv2: Conv2d(20, 64, 5)    -> (N, 64, 20, 20)
       relu2: ReLU()

   It is still an nn.Sequential (model[0], len(model) work), and the names
   become attributes and parameter names: model.conv1, "conv1.weight".
   It has `20*1*5*5 + 20 + 64*20*5*5 + 64` = 32,584 parameters.

2. `LayerStack(sizes)`: a stack of Linear layers whose number is only known
   at run time: LayerStack([4, 8, 8, 2]) is Linear(4, 8), Linear(8, 8),
   Linear(8, 2), with a ReLU (torch.relu) after every layer except the last.
   Raise ValueError if `sizes` has fewer than two entries.

   The tempting version keeps the layers in a plain Python list:

       self.layers = [nn.Linear(a, b) for a, b in zip(sizes, sizes[1:])]

   forward runs, and even gives numbers. But nn.Module only registers a
   submodule assigned directly as an attribute (or held by a container
   module): the list is invisible. model.parameters() is empty, so an
   optimizer has nothing to train (it even refuses: "empty parameter
   list"); model.to(device) leaves the layers behind; state_dict() (what
   torch.save stores) has no weights. Keep the Linear layers (only them)
   in `self.layers = nn.ModuleList(...)`, which registers each item as
   layers.0, layers.1, ...

中文
----
1. `make_named_sequential()`：笔记中把由 (名字, 层) 组成的 OrderedDict 传给
   nn.Sequential，这样各层就有了名字，而不是 0、1、2、3。返回这个模型：

       conv1: Conv2d(1, 20, 5)     (N, 1, 28, 28) -> (N, 20, 24, 24)
       relu1: ReLU()
       conv2: Conv2d(20, 64, 5)    -> (N, 64, 20, 20)
       relu2: ReLU()

   它仍然是 nn.Sequential（model[0]、len(model) 都能用），名字会成为属性名和参数名：
   model.conv1、"conv1.weight"。共有 `20*1*5*5 + 20 + 64*20*5*5 + 64` = 32,584 个参数。

2. `LayerStack(sizes)`：层数要到运行时才知道的一串 Linear 层：LayerStack([4, 8, 8, 2])
   是 Linear(4, 8)、Linear(8, 8)、Linear(8, 2)，除最后一层外每层后面接一个 ReLU
   （torch.relu）。如果 `sizes` 少于两个元素，抛出 ValueError。

   很容易写成把各层放在普通的 Python 列表里：

       self.layers = [nn.Linear(a, b) for a, b in zip(sizes, sizes[1:])]

   forward 能运行，甚至能算出数字。但 nn.Module
   只注册直接赋值为属性（或放在容器模块里）的子模块：这个列表是看不见的。model.parameters() 是空的，优化器没有东西可训练（它甚至会报错
   "empty parameter list"）；model.to(device) 不会移动这些层；state_dict()（torch.save
   保存的内容）里没有权重。请把这些 Linear 层（只放它们）放进
   `self.layers = nn.ModuleList(...)`，它会把每一项注册为 layers.0、layers.1……

Check your work / 检查：  learn check sequential_vs_module
"""

from collections import OrderedDict

import torch
from torch import nn


def make_named_sequential() -> nn.Sequential:
    # TODO: nn.Sequential(OrderedDict([("conv1", ...), ("relu1", ...), ("conv2", ...), ("relu2", ...)]))
    # TODO：nn.Sequential(OrderedDict([("conv1", ...), ("relu1", ...), ("conv2", ...), ("relu2", ...)]))
    raise NotImplementedError("make_named_sequential")


class LayerStack(nn.Module):
    def __init__(self, sizes: list[int]):
        super().__init__()
        # TODO: check sizes, then self.layers = nn.ModuleList(...) of the Linear layers.
        # TODO：检查 sizes，然后 self.layers = nn.ModuleList(...)，里面是各个 Linear 层。
        raise NotImplementedError("LayerStack.__init__")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # TODO: every layer in order, torch.relu after each one except the last.
        # TODO：依次经过每一层，除最后一层外每层之后都用 torch.relu。
        raise NotImplementedError("LayerStack.forward")
