"""The notes' MNIST MLP / 笔记中的 MNIST 多层感知机

English
-------
Before their CNN, the notes classify MNIST digits with a fully connected
network: every 28x28 image is flattened into 784 numbers and passes through
five nn.Linear layers, 784 -> 512 -> 256 -> 128 -> 64 -> 10, with a ReLU after
each of the first four. The last layer has no activation: its 10 outputs are
logits (any real numbers), which nn.CrossEntropyLoss turns into
probabilities itself. The notes reached 98% test accuracy with it.

Their forward starts with `x.view(-1, 784)`. That is fine for (N, 1, 28, 28)
images, but -1 lets view invent the batch size: a (4, 3, 28, 28) batch of
colour images silently becomes 12 rows of "digits". Flatten from dimension
1 instead, keeping the batch dimension, and refuse inputs that do not hold
784 values per sample.

Write `class MnistMLP(nn.Module)`:

- `__init__(self)`: five nn.Linear layers named `l1`, `l2`, `l3`, `l4`, `l5`
  with the widths above;
- `forward(self, x)`: x is (N, 1, 28, 28) or already flat (N, 784). Flatten
  every dimension after the first; if that does not give 784 values per
  sample, raise ValueError. Then l1..l4 each followed by ReLU, and l5 without
  an activation. Return the (N, 10) logits.

中文
----
在 CNN 之前，笔记先用全连接网络对 MNIST 数字分类：每张 28x28 的图像被展平成 784 个数，
经过五个 nn.Linear 层，784 -> 512 -> 256 -> 128 -> 64 -> 10，前四层之后各接一个
ReLU。最后一层没有激活函数：它的 10 个输出是 logits（任意实数），由
nn.CrossEntropyLoss 自己转换成概率。笔记用它在测试集上达到了 98% 的准确率。

笔记的 forward 以 `x.view(-1, 784)` 开头。对 (N, 1, 28, 28) 的图像没有问题，但 -1 让
view 自己推算批次大小：一批 (4, 3, 28, 28) 的彩色图像会悄无声息地变成 12 行"数字"。
应当从第 1 维开始展平，保留批次维度，并拒绝每个样本不是 784 个值的输入。

请实现 `class MnistMLP(nn.Module)`：

- `__init__(self)`：五个 nn.Linear 层，名为 `l1`、`l2`、`l3`、`l4`、`l5`，宽度如上；
- `forward(self, x)`：x 的形状为 (N, 1, 28, 28)，或者已经展平为 (N, 784)。把第一维
  之后的所有维度展平；如果每个样本得不到 784 个值，抛出 ValueError。然后依次经过
  l1..l4（每层之后接 ReLU）和不带激活函数的 l5。返回 (N, 10) 的 logits。

    >>> model = MnistMLP()
    >>> model(torch.zeros(8, 1, 28, 28)).shape
    torch.Size([8, 10])
    >>> sum(p.numel() for p in model.parameters())
    575050

Check your work / 检查：  learn check mnist_mlp
"""

import torch
from torch import nn


class MnistMLP(nn.Module):
    def __init__(self):
        super().__init__()
        # TODO: self.l1 = nn.Linear(784, 512), ... self.l5 = nn.Linear(64, 10).
        # TODO：self.l1 = nn.Linear(784, 512)，…… self.l5 = nn.Linear(64, 10)。
        raise NotImplementedError("MnistMLP.__init__")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # TODO: x.flatten(1), ValueError unless 784 wide, ReLU after l1..l4, nothing after l5.
        # TODO：x.flatten(1)，宽度不是 784 时抛出 ValueError，l1..l4 之后接 ReLU，l5 之后什么也不接。
        raise NotImplementedError("MnistMLP.forward")
