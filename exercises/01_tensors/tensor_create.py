"""Creating tensors / 创建张量

English
-------
A tensor is a grid of numbers with a shape (`t.shape`, the same as
`t.size()`) and a dtype (the type of every element). The creation functions
pick a default dtype for you, and the defaults differ:

- `torch.eye` and `torch.zeros` make float32 (`torch.float`);
- `torch.arange` with whole-number arguments makes int64 (`torch.long`);
- NumPy's `np.zeros` makes float64, which is NOT what PyTorch layers want.

Write four functions:

1. `identity(n, m=None, device=None)`: the n x m identity matrix (n x n when
   m is None), float32, created on `device` (None means the CPU).
2. `zeros_grid(rows, cols, device=None)`: a rows x cols float32 tensor of
   zeros, created on `device`.
3. `arange_cube(total=16, blocks=2, rows=2)`: the numbers 0 .. total-1 as an
   int64 tensor of shape (blocks, rows, ?) where PyTorch infers the last size
   from -1. When total is not a multiple of blocks * rows, let PyTorch's
   RuntimeError through.
4. `zeros_of_type(rows, cols, type_name)`: zeros of the dtype behind one of the
   old tensor type names: "FloatTensor" (32-bit float), "DoubleTensor"
   (64-bit float), "ShortTensor" (16-bit int), "IntTensor" (32-bit int),
   "LongTensor" (64-bit int). Any other name raises ValueError.

Careful: `torch.int` is int32, while Python's `int` becomes int64.

中文
----
张量是一个带形状（`t.shape`，与 `t.size()` 相同）和 dtype（每个元素的类型）的数字网格。
创建张量的函数会替你选择默认的 dtype，而且各不相同：

- `torch.eye` 和 `torch.zeros` 创建 float32（`torch.float`）；
- 参数为整数时，`torch.arange` 创建 int64（`torch.long`）；
- NumPy 的 `np.zeros` 创建的是 float64，这并不是 PyTorch 的网络层想要的。

请实现四个函数：

1. `identity(n, m=None, device=None)`：n x m 的单位矩阵（m 为 None 时是 n x n），
   float32，创建在 `device` 上（None 表示 CPU）。
2. `zeros_grid(rows, cols, device=None)`：rows x cols 的 float32 全零张量，创建在 `device` 上。
3. `arange_cube(total=16, blocks=2, rows=2)`：把 0 .. total-1 排成形状为 (blocks, rows, ?)
   的 int64 张量，最后一维用 -1 让 PyTorch 自动推算。当 total 不是 blocks * rows 的倍数时，
   让 PyTorch 的 RuntimeError 直接抛出。
4. `zeros_of_type(rows, cols, type_name)`：按旧式张量类型名创建对应 dtype 的全零张量：
   "FloatTensor"（32 位浮点）、"DoubleTensor"（64 位浮点）、"ShortTensor"（16 位整数）、
   "IntTensor"（32 位整数）、"LongTensor"（64 位整数）。其他名字抛出 ValueError。

注意：`torch.int` 是 int32，而 Python 的 `int` 会变成 int64。

Examples from the notes / 笔记中的例子：

    >>> identity(2, 3)
    tensor([[1., 0., 0.],
            [0., 1., 0.]])
    >>> zeros_grid(4, 4).dtype
    torch.float32
    >>> arange_cube()
    tensor([[[ 0,  1,  2,  3],
             [ 4,  5,  6,  7]],
            [[ 8,  9, 10, 11],
             [12, 13, 14, 15]]])
    >>> arange_cube().shape, arange_cube().dtype
    (torch.Size([2, 2, 4]), torch.int64)

Check your work / 检查：  learn check tensor_create
"""

import torch


def identity(n: int, m: int | None = None, device: torch.device | None = None) -> torch.Tensor:
    # TODO: torch.eye can take a second size and a device.
    # TODO：torch.eye 可以接收第二个尺寸和 device 参数。
    raise NotImplementedError("identity")


def zeros_grid(rows: int, cols: int, device: torch.device | None = None) -> torch.Tensor:
    # TODO: a float32 tensor of zeros on the given device.
    # TODO：在指定设备上创建 float32 的全零张量。
    raise NotImplementedError("zeros_grid")


def arange_cube(total: int = 16, blocks: int = 2, rows: int = 2) -> torch.Tensor:
    # TODO: arange, then reshape with -1 for the last dimension.
    # TODO：先 arange，再 reshape，最后一维写 -1。
    raise NotImplementedError("arange_cube")


def zeros_of_type(rows: int, cols: int, type_name: str) -> torch.Tensor:
    # TODO: map each type name to its dtype; raise ValueError for unknown names.
    # TODO：把每个类型名对应到它的 dtype；未知的名字抛出 ValueError。
    raise NotImplementedError("zeros_of_type")
