"""Joining and reshaping / 拼接与变形

English
-------
Four everyday shape tools:

- `torch.cat(tensors, dim)` joins tensors along an EXISTING dimension; all
  other sizes must match. (`torch.stack` is different: it adds a new one.)
- `t.unsqueeze(dim)` adds a dimension of size 1 at position `dim`;
  `dim=-1` means "as the new last dimension".
- `t.squeeze(dim)` removes dimension `dim` if its size is 1 (and does
  nothing otherwise); `t.squeeze()` with no argument removes EVERY size-1
  dimension, including a batch of one.
- `t.view(shape)` and `t.reshape(shape)` give the same elements a new shape;
  one size may be -1 and is inferred. `view` never copies, so it fails on a
  tensor whose memory is not laid out in order (a transposed one, say);
  `reshape` returns a view when it can and copies only when it must.

Write four functions:

1. `concat(tensors, dim=0)`: the tensors joined along `dim`.
2. `insert_axis(t, dim)`: t with a new size-1 dimension at position `dim`
   (negative dims count from the end of the RESULT, as in unsqueeze).
3. `drop_channel_axis(images)`: a (N, 1, H, W) batch of one-channel images
   as (N, H, W). Only dimension 1 goes, even when N, H or W is 1. Like
   `squeeze(1)`, leave the tensor as it is if dimension 1 is not of size 1.
4. `to_matrix(t, rows)`: the elements of t, in order, as a matrix with `rows`
   rows; let -1 infer the number of columns. It must work on transposed
   tensors, and return a view (no copy) when t is contiguous. When the size
   does not divide, let PyTorch's RuntimeError through.

Examples from the notes: a (2, 2, 2) and a (3, 2, 2) tensor joined on dim 0
make (5, 2, 2); unsqueeze(1) turns (3, 2, 2) into (3, 1, 2, 2). The notes
also squeeze a (3, 2, 2) tensor: it has no size-1 dimension, so nothing
changes (whatever the comment next to it claims).

中文
----
四个常用的形状工具：

- `torch.cat(tensors, dim)` 沿一个已有的维度拼接张量；其余维度的大小必须一致。
  （`torch.stack` 不同：它会新增一个维度。）
- `t.unsqueeze(dim)` 在位置 `dim` 插入一个大小为 1 的维度；`dim=-1` 表示作为新的最后一维。
- `t.squeeze(dim)` 当第 `dim` 维大小为 1 时去掉它（否则什么也不做）；不带参数的
  `t.squeeze()` 会去掉所有大小为 1 的维度，包括只有一个样本的批次维度。
- `t.view(shape)` 和 `t.reshape(shape)` 把同样的元素排成新的形状；其中一个尺寸可以写 -1，
  由 PyTorch 推算。`view` 从不复制，所以当张量的内存不是按顺序排列时（例如转置后）会失败；
  `reshape` 能返回视图时就返回视图，只有必要时才复制。

请实现四个函数：

1. `concat(tensors, dim=0)`：沿 `dim` 拼接这些张量。
2. `insert_axis(t, dim)`：在位置 `dim` 插入一个大小为 1 的新维度
   （负数的 dim 从结果的末尾数起，与 unsqueeze 相同）。
3. `drop_channel_axis(images)`：把 (N, 1, H, W) 的一批单通道图像变成 (N, H, W)。
   只去掉第 1 维，即使 N、H 或 W 等于 1 也一样。与 `squeeze(1)` 相同，
   如果第 1 维的大小不是 1，就原样返回。
4. `to_matrix(t, rows)`：把 t 的元素按顺序排成 `rows` 行的矩阵，列数用 -1 推算。
   它必须能处理转置过的张量，并且在 t 连续（contiguous）时返回视图（不复制）。
   元素个数不能整除时，让 PyTorch 的 RuntimeError 直接抛出。

笔记中的例子：(2, 2, 2) 和 (3, 2, 2) 的张量沿第 0 维拼接得到 (5, 2, 2)；unsqueeze(1) 把
(3, 2, 2) 变成 (3, 1, 2, 2)。笔记里还对一个 (3, 2, 2) 的张量做了 squeeze：它没有大小为 1
的维度，所以形状不变（不管旁边的注释怎么写）。

    >>> concat([torch.arange(8).reshape(2, 2, 2), torch.arange(12).reshape(3, 2, 2)]).shape
    torch.Size([5, 2, 2])
    >>> insert_axis(torch.zeros(3, 2, 2), 1).shape
    torch.Size([3, 1, 2, 2])
    >>> drop_channel_axis(torch.zeros(1, 1, 28, 28)).shape
    torch.Size([1, 28, 28])
    >>> to_matrix(torch.arange(12), 3)
    tensor([[ 0,  1,  2,  3],
            [ 4,  5,  6,  7],
            [ 8,  9, 10, 11]])

Check your work / 检查：  learn check reshape_squeeze_cat
"""

import torch


def concat(tensors: list[torch.Tensor], dim: int = 0) -> torch.Tensor:
    # TODO: join along an existing dimension.
    # TODO：沿已有的维度拼接。
    raise NotImplementedError("concat")


def insert_axis(t: torch.Tensor, dim: int) -> torch.Tensor:
    # TODO: add a size-1 dimension at position dim.
    # TODO：在位置 dim 增加一个大小为 1 的维度。
    raise NotImplementedError("insert_axis")


def drop_channel_axis(images: torch.Tensor) -> torch.Tensor:
    # TODO: remove dimension 1 only.
    # TODO：只去掉第 1 维。
    raise NotImplementedError("drop_channel_axis")


def to_matrix(t: torch.Tensor, rows: int) -> torch.Tensor:
    # TODO: rows rows, columns inferred with -1; it must accept transposed tensors.
    # TODO：rows 行，列数用 -1 推算；必须能处理转置过的张量。
    raise NotImplementedError("to_matrix")
