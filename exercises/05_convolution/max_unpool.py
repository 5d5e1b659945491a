"""Max pooling indices and unpooling / 最大池化的索引与反池化

English
-------
`nn.MaxPool2d(kernel_size, return_indices=True)` returns two tensors: the
pooled maxima and, for each of them, WHERE in its input plane it came from.
An index is a flat position in one (H, W) plane of the input:
index = row * W + column. `nn.MaxUnpool2d(kernel_size)` uses those indices to
put every maximum back where it was and fills everything else with 0. The
notes mention `return_indices` as rarely used and "useful for MaxUnpool2d
later"; here is that later. Take stride = kernel_size and no padding
throughout.

Write:

- `pool_with_indices(x, kernel_size)`: (pooled, indices) for x of shape
  (N, C, H, W). indices is an int64 tensor of the pooled shape.
- `max_positions(x, kernel_size)`: the (row, column) of each maximum in its
  input plane, as two int64 tensors of the pooled shape, computed from the
  flat indices.
- `unpool(pooled, indices, kernel_size, output_size=None)`: the maxima put
  back, zeros elsewhere. `output_size` is the (H, W) to restore; None means
  the unpooling default, pooled size * kernel_size.
- `keep_maxima(x, kernel_size)`: a tensor of x's shape that keeps only the
  maximum of each pooling window and is 0 everywhere else. When kernel_size
  does not divide H or W, the last rows or columns belong to no window: they
  become 0, and the shape must still be x's (pass the output size on).
  Gradients must flow back to x through the kept maxima.

中文
----
`nn.MaxPool2d(kernel_size, return_indices=True)` 返回两个张量：池化得到的最大值，
以及每个最大值在输入平面中来自哪里。索引是输入的一个 (H, W) 平面内的扁平位置：
index = row * W + column。`nn.MaxUnpool2d(kernel_size)` 根据这些索引把每个最大值
放回原处，其余位置填 0。笔记提到 `return_indices` 很少用，"之后可用于
MaxUnpool2d"；这里就是"之后"。下面始终取 stride = kernel_size，不填充。

请实现：

- `pool_with_indices(x, kernel_size)`：对形状为 (N, C, H, W) 的 x 返回
  (pooled, indices)。indices 是与池化结果形状相同的 int64 张量。
- `max_positions(x, kernel_size)`：每个最大值在其输入平面中的 (row, column)，
  根据扁平索引算出，是两个与池化结果形状相同的 int64 张量。
- `unpool(pooled, indices, kernel_size, output_size=None)`：把最大值放回原处，
  其余位置为 0。`output_size` 是要还原的 (H, W)；None 表示反池化的默认尺寸，
  即池化尺寸 * kernel_size。
- `keep_maxima(x, kernel_size)`：返回与 x 形状相同的张量，只保留每个池化窗口的
  最大值，其余位置都是 0。kernel_size 不能整除 H 或 W 时，最后几行或几列不属于
  任何窗口：它们变为 0，而且形状仍必须与 x 相同（要把输出尺寸传下去）。梯度必须
  能通过保留下来的最大值传回 x。

    >>> x = torch.tensor([[[[1., 5., 2., 0.], [3., 4., 8., 1.], [0., 2., 1., 1.], [6., 1., 0., 9.]]]])
    >>> pool_with_indices(x, 2)[1]
    tensor([[[[ 1,  6],
              [12, 15]]]])
    >>> keep_maxima(x, 2)
    tensor([[[[0., 5., 0., 0.],
              [0., 0., 8., 0.],
              [0., 0., 0., 0.],
              [6., 0., 0., 9.]]]])

Check your work / 检查：  learn check max_unpool
"""

import torch
from torch import nn


def pool_with_indices(x: torch.Tensor, kernel_size: int) -> tuple[torch.Tensor, torch.Tensor]:
    # TODO: nn.MaxPool2d(kernel_size, return_indices=True).
    # TODO：nn.MaxPool2d(kernel_size, return_indices=True)。
    raise NotImplementedError("pool_with_indices")


def max_positions(x: torch.Tensor, kernel_size: int) -> tuple[torch.Tensor, torch.Tensor]:
    # TODO: index = row * W + column: undo it with // and %.
    # TODO：index = row * W + column：用 // 和 % 还原。
    raise NotImplementedError("max_positions")


def unpool(pooled: torch.Tensor, indices: torch.Tensor, kernel_size: int, output_size=None) -> torch.Tensor:
    # TODO: nn.MaxUnpool2d(kernel_size), passing output_size on when it is given.
    # TODO：nn.MaxUnpool2d(kernel_size)，给出 output_size 时把它传下去。
    raise NotImplementedError("unpool")


def keep_maxima(x: torch.Tensor, kernel_size: int) -> torch.Tensor:
    # TODO: pool with indices, then unpool to x's own (H, W).
    # TODO：带索引池化，再反池化回 x 自己的 (H, W)。
    raise NotImplementedError("keep_maxima")
