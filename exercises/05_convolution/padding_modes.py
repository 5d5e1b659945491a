"""padding='same' and padding='valid' / padding='same' 与 padding='valid'

English
-------
Besides a number, nn.Conv2d's `padding` accepts two strings (the notes list
them):

- 'valid': no padding at all. The kernel only visits positions where it fits
  entirely, so the output shrinks: out = floor((size - dilation*(k-1) - 1) / stride) + 1.
- 'same': PyTorch pads so that the output has the SAME size as the input.
  A kernel of size k with dilation d spans d*(k-1)+1 pixels, so d*(k-1)
  zeros are needed in total. When that total is odd (an even kernel with odd
  dilation) the two sides differ: PyTorch puts total // 2 on the left (top)
  and the rest on the right (bottom). 'same' only works with stride 1:
  PyTorch refuses it for strided convolutions.

Write:

- `same_padding(kernel_size, dilation=1)`: the pair (left, right) of zeros
  that 'same' adds along one dimension. kernel_size and dilation must be at
  least 1, otherwise raise ValueError.
- `output_size(size, kernel_size, padding, stride=1, dilation=1)`: the length
  of one dimension after the convolution, where `padding` is 'valid',
  'same' or an int (that many zeros on each side). Raise ValueError for
  'same' with a stride other than 1, for any other string, and when the
  kernel does not fit even once (the result would be below 1). Compute it
  yourself; do not build a layer.
- `explicit_same_conv(in_channels, out_channels, kernel_size, dilation=1)`:
  the 'same' convolution written out: an nn.Sequential of an nn.ZeroPad2d
  holding the padding from `same_padding` (for left, right, top and bottom)
  and an nn.Conv2d with padding=0 (and that kernel_size and dilation). It
  must give exactly what nn.Conv2d(..., padding='same') gives with the same
  weights.

中文
----
除了数字以外，nn.Conv2d 的 `padding` 还接受两个字符串（笔记中列出了它们）：

- 'valid'：完全不填充。卷积核只在能完整放下的位置计算，所以输出会变小：
  out = floor((size - dilation*(k-1) - 1) / stride) + 1。
- 'same'：PyTorch 自动填充，使输出与输入的尺寸相同。尺寸为 k、空洞为 d 的卷积核
  跨越 d*(k-1)+1 个像素，所以总共需要补 d*(k-1) 个 0。这个总数为奇数时（偶数尺寸的
  卷积核配奇数的 dilation），两侧不一样多：PyTorch 在左侧（上方）补 total // 2 个，
  其余的补在右侧（下方）。'same' 只适用于 stride 为 1 的情况：对带步长的卷积，
  PyTorch 会拒绝。

请实现：

- `same_padding(kernel_size, dilation=1)`：返回 'same' 在一个维度上添加的
  (left, right) 个 0。kernel_size 和 dilation 都必须至少为 1，否则抛出 ValueError。
- `output_size(size, kernel_size, padding, stride=1, dilation=1)`：卷积之后一个
  维度的长度，`padding` 为 'valid'、'same' 或一个 int（每侧补这么多个 0）。以下情况
  抛出 ValueError：'same' 配上不为 1 的 stride、其他任何字符串、卷积核一次也放不下
  （结果会小于 1）。请自己计算，不要创建网络层。
- `explicit_same_conv(in_channels, out_channels, kernel_size, dilation=1)`：把
  'same' 卷积显式地写出来：一个 nn.Sequential，包含一个 nn.ZeroPad2d（用
  `same_padding` 得到的左、右、上、下填充量）和一个 padding=0 的 nn.Conv2d（使用
  给定的 kernel_size 和 dilation）。在权重相同时，它的结果必须与
  nn.Conv2d(..., padding='same') 完全一样。

    >>> same_padding(3), same_padding(4), same_padding(3, dilation=2)
    ((1, 1), (1, 2), (2, 2))
    >>> output_size(5, 3, "valid"), output_size(5, 3, "same"), output_size(60, 3, 1, stride=2)
    (3, 5, 30)

Check your work / 检查：  learn check padding_modes
"""

from torch import nn


def same_padding(kernel_size: int, dilation: int = 1) -> tuple[int, int]:
    # TODO: ValueError below 1; total = dilation * (kernel_size - 1); left = total // 2; right = the rest.
    # TODO：小于 1 时抛出 ValueError；total = dilation * (kernel_size - 1)；left = total // 2；right 为剩下的。
    raise NotImplementedError("same_padding")


def output_size(size: int, kernel_size: int, padding, stride: int = 1, dilation: int = 1) -> int:
    # TODO: 'valid' -> 0 zeros, 'same' -> same_padding (stride 1 only), an int -> on each side; ValueError below 1.
    # TODO：'valid' -> 不补 0，'same' -> same_padding（只能 stride 为 1），int -> 每侧补这么多；小于 1 时抛出 ValueError。
    raise NotImplementedError("output_size")


def explicit_same_conv(in_channels: int, out_channels: int, kernel_size: int, dilation: int = 1) -> nn.Sequential:
    # TODO: nn.Sequential(nn.ZeroPad2d((left, right, left, right)), nn.Conv2d(..., padding=0, dilation=dilation)).
    # TODO：nn.Sequential(nn.ZeroPad2d((left, right, left, right)), nn.Conv2d(..., padding=0, dilation=dilation))。
    raise NotImplementedError("explicit_same_conv")
