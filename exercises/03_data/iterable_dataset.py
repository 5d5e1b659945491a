"""Streaming data: IterableDataset and its workers / 流式数据：IterableDataset 与多进程加载

English
-------
A map-style Dataset (`__len__` + `__getitem__`) needs random access. Data that
arrives as a stream (a file too large for memory, rows from a socket) is
read with a `torch.utils.data.IterableDataset`, which defines only
`__iter__`: the DataLoader asks it for an iterator and batches what comes out.

The trap: with `DataLoader(dataset, num_workers=2)` each worker process gets
its OWN copy of the dataset and calls `__iter__` on it. If `__iter__` ignores
that, every sample arrives twice. Inside a worker,
`torch.utils.data.get_worker_info()` returns an object with `.id`
(0 .. num_workers - 1) and `.num_workers`; in the main process (num_workers=0)
it returns None. Each worker must read only its own share, so that together
they read every sample exactly once.

Write:

1. `worker_share(start, end, worker_id, num_workers)`: the share of worker
   `worker_id` of the numbers start .. end - 1, as a pair (low, high) meaning
   low .. high - 1. Cut the range into consecutive blocks of
   per_worker = ceil((end - start) / num_workers) numbers: worker w starts at
   start + w * per_worker. Neither low nor high ever goes past end, so a worker
   with nothing left gets (end, end).

       worker_share(0, 10, 2, 3) -> (8, 10)

2. `RangeStream(start, end)`: an IterableDataset yielding `torch.tensor(i)` for
   every i in start .. end - 1 in increasing order; in a worker, only the
   numbers of `worker_share(...)`.
3. `CsvStream(path)`: an IterableDataset reading a CSV file line by line, the
   way a file too large for memory is read. The first line is a header; every other line is
   numbers "x1,x2,...,label". Yield `(features, label)` with features a float32
   tensor of the x values and label an int64 tensor. In a worker, data row r
   (counting from 0 after the header) belongs to worker r % num_workers.

中文
----
映射式 Dataset（`__len__` + `__getitem__`）需要随机访问。以“流”的形式到来的数据（大到放不进内存的文件、
从网络接收的行）用 `torch.utils.data.IterableDataset` 读取，它只定义 `__iter__`：DataLoader 向它要一个
迭代器，再把迭代出来的东西组成批次。

陷阱在于：使用 `DataLoader(dataset, num_workers=2)` 时，每个工作进程都会得到数据集的一份副本，并各自调用
`__iter__`。如果 `__iter__` 不处理这一点，每个样本都会出现两次。在工作进程中，
`torch.utils.data.get_worker_info()` 返回一个对象，带有 `.id`（0 .. num_workers - 1）和 `.num_workers`；
在主进程中（num_workers=0）它返回 None。每个工作进程只能读取自己的那一份，这样合起来每个样本恰好被读一次。

请实现：

1. `worker_share(start, end, worker_id, num_workers)`：在 start .. end - 1 这些数中，编号为 `worker_id`
   的工作进程分到的部分，用 (low, high) 表示 low .. high - 1。把区间切成连续的块，每块
   per_worker = ceil((end - start) / num_workers) 个数：第 w 个工作进程从 start + w * per_worker 开始。
   low 和 high 都不能超过 end，所以没有剩余数据的工作进程得到 (end, end)。

       worker_share(0, 10, 2, 3) -> (8, 10)

2. `RangeStream(start, end)`：一个 IterableDataset，按从小到大的顺序为 start .. end - 1 中的每个 i 产生
   `torch.tensor(i)`；在工作进程中只产生 `worker_share(...)` 中的数。
3. `CsvStream(path)`：一个逐行读取 CSV 文件的 IterableDataset，就像读取放不进内存的大文件那样。第一行是表头；
   其余每一行都是数字 "x1,x2,...,label"。产生 `(features, label)`：features 是由 x 值组成的 float32
   张量，label 是 int64 张量。在工作进程中，第 r 个数据行（表头之后从 0 开始数）属于第
   r % num_workers 个工作进程。

Check your work / 检查：  learn check iterable_dataset
"""

import torch
from torch.utils.data import IterableDataset, get_worker_info


def worker_share(start: int, end: int, worker_id: int, num_workers: int) -> tuple[int, int]:
    # TODO: consecutive blocks of ceil((end - start) / num_workers) numbers, never past end.
    # TODO：每块 ceil((end - start) / num_workers) 个连续的数，不能超过 end。
    raise NotImplementedError("worker_share")


class RangeStream(IterableDataset):
    def __init__(self, start: int, end: int):
        # TODO / 待完成
        raise NotImplementedError("RangeStream.__init__")

    def __iter__(self):
        # TODO: get_worker_info() is None in the main process; otherwise read only this worker's share.
        # TODO：在主进程中 get_worker_info() 为 None；否则只读取这个工作进程的那一份。
        raise NotImplementedError("RangeStream.__iter__")


class CsvStream(IterableDataset):
    def __init__(self, path: str):
        # TODO / 待完成
        raise NotImplementedError("CsvStream.__init__")

    def __iter__(self):
        # TODO: skip the header, then yield (features, label) for the rows of this worker.
        # TODO：跳过表头，然后为属于这个工作进程的行产生 (features, label)。
        raise NotImplementedError("CsvStream.__iter__")
