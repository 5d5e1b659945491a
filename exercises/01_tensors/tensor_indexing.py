"""Indexing and slicing / 索引与切片

English
-------
Tensors are indexed like NumPy arrays, one entry per dimension:

- `t[i]` is row i of a matrix; `t[:, j]` is column j (`:` means "all of
  this dimension");
- in a 3-D tensor `t[:, 1, :-1]` takes, from every block, row 1 without its
  last element (`:-1` is a slice: everything up to, not including, the last);
- `t[mask]` with a boolean tensor `mask` of t's shape keeps the elements
  where mask is True, as a 1-D tensor;
- `t[mask] = 0` writes through the mask, in place.

Integers and slices give a VIEW: it shares memory with t, so writing into
`t[i]` changes t. A boolean mask gives a COPY.

Write six functions:

1. `row(t, i)`: row i of the matrix t, as a view (no copy).
2. `column(t, j)`: column j of the matrix t.
3. `second_row_trimmed(t)`: for a 3-D tensor (blocks, rows, cols), row 1 of
   every block without its last element: shape (blocks, cols - 1).
4. `greater_than(t, threshold)`: the elements of t strictly greater than
   threshold, in row-major order (1-D; empty when there are none).
5. `zero_negatives(t)`: a new tensor like t where every negative element is
   0. Use a boolean mask, and leave t itself unchanged.
6. `count_equal(predicted, labels)`: how many positions hold equal values,
   as a Python int (this is how the notes count correct predictions).

Negative indices count from the end: `row(t, -1)` is the last row.

中文
----
张量的索引方式与 NumPy 数组相同，每个维度一个下标：

- `t[i]` 是矩阵的第 i 行；`t[:, j]` 是第 j 列（`:` 表示"这一维全部"）；
- 对三维张量，`t[:, 1, :-1]` 从每一块中取出第 1 行，并去掉最后一个元素
  （`:-1` 是切片：到最后一个元素为止，但不包括它）；
- `t[mask]`（`mask` 是与 t 形状相同的布尔张量）保留 mask 为 True 的元素，结果是一维张量；
- `t[mask] = 0` 通过掩码原地写入。

整数下标和切片得到的是视图（view）：它与 t 共享内存，所以写入 `t[i]` 会改变 t。
布尔掩码得到的是副本（copy）。

请实现六个函数：

1. `row(t, i)`：矩阵 t 的第 i 行，返回视图（不要复制）。
2. `column(t, j)`：矩阵 t 的第 j 列。
3. `second_row_trimmed(t)`：对形状为 (blocks, rows, cols) 的三维张量，取每一块的第 1 行并
   去掉最后一个元素：形状为 (blocks, cols - 1)。
4. `greater_than(t, threshold)`：t 中严格大于 threshold 的元素，按行优先顺序排列
   （一维；没有时为空张量）。
5. `zero_negatives(t)`：返回一个新张量，与 t 相同但所有负数都变成 0。请使用布尔掩码，
   并且不要改动 t 本身。
6. `count_equal(predicted, labels)`：有多少个位置的值相等，以 Python int 返回
   （笔记中就是这样统计预测正确的个数的）。

负数下标从末尾开始数：`row(t, -1)` 是最后一行。

Examples from the notes / 笔记中的例子：

    >>> eye = torch.eye(4)
    >>> row(eye, 2)
    tensor([0., 0., 1., 0.])
    >>> column(eye, 1)
    tensor([0., 1., 0., 0.])
    >>> second_row_trimmed(torch.arange(16).reshape(2, 2, -1))
    tensor([[ 4,  5,  6],
            [12, 13, 14]])
    >>> count_equal(torch.tensor([3, 1, 2]), torch.tensor([3, 0, 2]))
    2

Check your work / 检查：  learn check tensor_indexing
"""

import torch


def row(t: torch.Tensor, i: int) -> torch.Tensor:
    # TODO: one index selects along the first dimension.
    # TODO：一个下标会沿第一个维度选取。
    raise NotImplementedError("row")


def column(t: torch.Tensor, j: int) -> torch.Tensor:
    # TODO: all rows, position j.
    # TODO：所有行，第 j 个位置。
    raise NotImplementedError("column")


def second_row_trimmed(t: torch.Tensor) -> torch.Tensor:
    # TODO: every block, row 1, all but the last column.
    # TODO：每一块、第 1 行、除最后一列外的所有列。
    raise NotImplementedError("second_row_trimmed")


def greater_than(t: torch.Tensor, threshold: float) -> torch.Tensor:
    # TODO: build a boolean mask with a comparison and index with it.
    # TODO：用比较运算得到布尔掩码，再用它做索引。
    raise NotImplementedError("greater_than")


def zero_negatives(t: torch.Tensor) -> torch.Tensor:
    # TODO: copy t first (clone), then write 0 through a mask.
    # TODO：先复制 t（clone），再通过掩码写入 0。
    raise NotImplementedError("zero_negatives")


def count_equal(predicted: torch.Tensor, labels: torch.Tensor) -> int:
    # TODO: compare, sum the True values, and turn the result into a Python int.
    # TODO：逐个比较，对 True 求和，再把结果变成 Python int。
    raise NotImplementedError("count_equal")
