"""Adaptive average pooling by hand / 手写自适应平均池化

English
-------
`nn.AvgPool2d(kernel_size)` replaces each window by its mean, and the output
size depends on the input size. `nn.AdaptiveAvgPool2d(output_size)` turns it
around: you choose the output size, and it picks the windows, so that ANY
input size comes out the same size (the notes use it after their
convolutions). Along one dimension of length `in_size`, output position i
(0 <= i < out_size) averages the input from

    start = floor(i * in_size / out_size)   to   end = ceil((i + 1) * in_size / out_size)

(end excluded). When out_size divides in_size these are plain, non-overlapping
windows; otherwise neighbouring windows may overlap, and when out_size is
larger than in_size some input values are used by several outputs.

Write, by hand (slicing and means; no pooling functions):

- `adaptive_windows(in_size, out_size)`: the list of (start, end) pairs, one
  per output position. Both sizes must be at least 1: raise ValueError
  otherwise.
- `adaptive_avg_pool2d(x, output_size)`: x is (N, C, H, W); output_size is an
  int (the same for height and width) or a pair (out_h, out_w) in which None
  means "keep the input's size". Return the (N, C, out_h, out_w) tensor of
  window means. Use torch operations only, so that gradients flow back to x.

中文
----
`nn.AvgPool2d(kernel_size)` 把每个窗口替换为它的平均值，输出尺寸取决于输入尺寸。
`nn.AdaptiveAvgPool2d(output_size)` 则反过来：由你指定输出尺寸，它自己选择窗口，
让任何尺寸的输入都得到同样大小的输出（笔记在卷积之后用到了它）。在长度为
`in_size` 的一个维度上，第 i 个输出位置（0 <= i < out_size）取下面这段输入的平均值：

    start = floor(i * in_size / out_size)   到   end = ceil((i + 1) * in_size / out_size)

（不含 end）。out_size 能整除 in_size 时，这些窗口互不重叠；否则相邻窗口可能重叠；
out_size 大于 in_size 时，有些输入值会被多个输出共用。

请手动实现（用切片和求平均，不用任何池化函数）：

- `adaptive_windows(in_size, out_size)`：返回 (start, end) 对组成的列表，每个输出
  位置一对。两个尺寸都必须至少为 1，否则抛出 ValueError。
- `adaptive_avg_pool2d(x, output_size)`：x 的形状为 (N, C, H, W)；output_size 是一个
  int（高和宽相同），或者一对 (out_h, out_w)，其中 None 表示"保持输入的尺寸"。
  返回由各窗口平均值组成的 (N, C, out_h, out_w) 张量。只用 torch 的运算，让梯度能
  传回 x。

    >>> adaptive_windows(7, 3)
    [(0, 3), (2, 5), (4, 7)]
    >>> adaptive_windows(3, 5)
    [(0, 1), (0, 2), (1, 2), (1, 3), (2, 3)]
    >>> adaptive_avg_pool2d(torch.ones(2, 3, 13, 17), (4, None)).shape
    torch.Size([2, 3, 4, 17])

Check your work / 检查：  learn check adaptive_avg_pool
"""

import torch


def adaptive_windows(in_size: int, out_size: int) -> list[tuple[int, int]]:
    # TODO: ValueError if a size is below 1; start = (i * in_size) // out_size, end = ceil(...) without floats.
    # TODO：尺寸小于 1 时抛出 ValueError；start = (i * in_size) // out_size，end 向上取整（不用浮点数）。
    raise NotImplementedError("adaptive_windows")


def adaptive_avg_pool2d(x: torch.Tensor, output_size) -> torch.Tensor:
    # TODO: resolve output_size (int, pair, None), then the mean of every (row window, column window).
    # TODO：先确定 output_size（int、一对、None），再对每个（行窗口，列窗口）求平均。
    raise NotImplementedError("adaptive_avg_pool2d")
