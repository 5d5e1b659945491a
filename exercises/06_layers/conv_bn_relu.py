"""Conv-BatchNorm-ReLU blocks / 卷积-批归一化-ReLU 模块

English
-------
A convolution followed by nn.BatchNorm2d and nn.ReLU is the brick most CNNs
are built from. The notes wrap three of them in nn.Sequential to make a
bottleneck block: a 1x1 convolution squeezes the channels to a quarter, a
3x3 convolution works on the thin middle, and a 1x1 convolution widens to
out_channel. Their code has two problems: it computes the middle width as
`in_channel / 4`, a float (10.0), which nn.Conv2d and nn.BatchNorm2d refuse
(a channel count is an int), and its middle convolution has no kernel size.

A convolution that feeds a BatchNorm needs no bias: BatchNorm subtracts each
channel's mean right after it, which removes any constant the convolution
adds, and BatchNorm's own bias puts a learned shift back. So each
convolution here is created with bias=False.

Write:

- `conv_bn_relu(in_channels, out_channels, kernel_size, padding=0)`: an
  nn.Sequential of exactly three modules, in this order (so they are named
  0, 1 and 2): nn.Conv2d (with `kernel_size` and `padding`, bias=False),
  nn.BatchNorm2d(out_channels), nn.ReLU().
- `class Bottleneck(nn.Module)` with `__init__(self, in_channel, out_channel)`:
  the middle width is `in_channel // 4`. `in_channel` must be a positive
  multiple of 4, otherwise raise ValueError. Three attributes, each made
  with `conv_bn_relu`:
    - `layer1`: in_channel -> middle, kernel 1;
    - `layer2`: middle -> middle, kernel 3, padding 1 (keeps H and W);
    - `layer3`: middle -> out_channel, kernel 1.
  `forward(x)` applies them in order: (N, in_channel, H, W) in,
  (N, out_channel, H, W) out.

中文
----
卷积之后接 nn.BatchNorm2d 和 nn.ReLU，这是大多数 CNN 的基本构件。笔记用
nn.Sequential 把三个这样的组合封装成一个瓶颈（bottleneck）模块：1x1 卷积把通道数
压缩到四分之一，3x3 卷积在较窄的中间层上计算，再由 1x1 卷积扩展到 out_channel。
笔记的代码有两个问题：中间宽度写成了 `in_channel / 4`，得到的是浮点数（10.0），
nn.Conv2d 和 nn.BatchNorm2d 都不接受（通道数必须是 int）；而且中间的卷积没有写
卷积核尺寸。

后面接 BatchNorm 的卷积不需要 bias：BatchNorm 紧接着会减去每个通道的平均值，卷积
加上的任何常数都会被抵消，而 BatchNorm 自己的 bias 会重新加上一个可学习的偏移。
所以这里的每个卷积都用 bias=False 创建。

请实现：

- `conv_bn_relu(in_channels, out_channels, kernel_size, padding=0)`：返回一个
  nn.Sequential，按顺序恰好包含三个模块（因此它们的名字是 0、1、2）：
  nn.Conv2d（带 `kernel_size` 和 `padding`，bias=False）、
  nn.BatchNorm2d(out_channels)、nn.ReLU()。
- `class Bottleneck(nn.Module)`，`__init__(self, in_channel, out_channel)`：
  中间宽度为 `in_channel // 4`。`in_channel` 必须是 4 的正整数倍，否则抛出
  ValueError。三个属性都用 `conv_bn_relu` 创建：
    - `layer1`：in_channel -> 中间宽度，卷积核 1；
    - `layer2`：中间宽度 -> 中间宽度，卷积核 3，padding 1（保持 H 和 W 不变）；
    - `layer3`：中间宽度 -> out_channel，卷积核 1。
  `forward(x)` 依次调用它们：输入 (N, in_channel, H, W)，输出
  (N, out_channel, H, W)。

    >>> block = Bottleneck(40, 64)
    >>> block(torch.randn(2, 40, 8, 8)).shape
    torch.Size([2, 64, 8, 8])
    >>> block.layer1[0].weight.shape, block.layer1[0].bias
    (torch.Size([10, 40, 1, 1]), None)

Check your work / 检查：  learn check conv_bn_relu
"""

import torch
from torch import nn


def conv_bn_relu(in_channels: int, out_channels: int, kernel_size: int, padding: int = 0) -> nn.Sequential:
    # TODO: nn.Sequential(nn.Conv2d(..., bias=False), nn.BatchNorm2d(out_channels), nn.ReLU()).
    # TODO：nn.Sequential(nn.Conv2d(..., bias=False), nn.BatchNorm2d(out_channels), nn.ReLU())。
    raise NotImplementedError("conv_bn_relu")


class Bottleneck(nn.Module):
    def __init__(self, in_channel: int, out_channel: int):
        super().__init__()
        # TODO: ValueError unless in_channel is a positive multiple of 4; middle = in_channel // 4;
        #       layer1, layer2, layer3 made with conv_bn_relu.
        # TODO：in_channel 不是 4 的正整数倍时抛出 ValueError；middle = in_channel // 4；
        #       用 conv_bn_relu 创建 layer1、layer2、layer3。
        raise NotImplementedError("Bottleneck.__init__")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # TODO: layer1, then layer2, then layer3.
        # TODO：依次经过 layer1、layer2、layer3。
        raise NotImplementedError("Bottleneck.forward")
