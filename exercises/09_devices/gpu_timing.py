"""Timing GPU code done right / 正确地为 GPU 代码计时

English
-------
The notes time `torch.matmul(a, b)` of a (10000, 1000) and a (1000, 2000)
matrix on the CPU and then on the GPU, reading `time.time()` before and after
one call. Their GPU numbers mislead for two reasons:

1. The first CUDA call pays for starting CUDA, loading kernels and
   allocating memory: it measures set-up, not the multiplication. Run the
   operation a few times first without timing it (a warm-up).
2. CUDA runs asynchronously: `a @ b` only QUEUES the work on the GPU and
   returns at once, so the clock is read while the GPU is still busy.
   `torch.cuda.synchronize()` waits until the queued work is done: call it
   right before each reading of the clock.

Averaging many calls with a precise clock (`time.perf_counter()`) instead of
one call with `time.time()` makes the number steadier. PyTorch's
`torch.utils.benchmark.Timer` does all of this for you.

Write:

- `time_op(fn, warmup=3, repeats=10, sync=None, clock=time.perf_counter)`:
  call `fn()` `warmup` times; then call `sync()` (when sync is not None) and
  read `clock()`; call `fn()` `repeats` times; call `sync()` again (when
  given) and read `clock()`. Read the clock exactly twice. Return the mean
  seconds per call, (second reading - first reading) / repeats. warmup must
  be at least 0 and repeats at least 1, otherwise raise ValueError.
- `sync_for(device)`: for a CUDA device (a string such as "cuda" or
  "cuda:1", or a torch.device of type "cuda") a function of no arguments
  that calls `torch.cuda.synchronize(device)`; for any other device a
  function that does nothing (the CPU computes synchronously).
- `matmul_seconds(a, b, device, warmup=2, repeats=5)`: move a and b to
  `device` once, then return `time_op` of `a @ b` with `sync_for(device)`.
- `make_timer(a, b)`: a `torch.utils.benchmark.Timer` whose statement
  computes the matrix product of a and b, passed in through `globals`.
  (`timer.timeit(n)` then runs it with its own warm-up and synchronisation.)

The checks run the CPU path on every machine. `torch.cuda.synchronize` is
replaced by a recorder where they need to see the CUDA path on a machine
without a GPU; on a machine with CUDA they also time a real GPU product.

中文
----
笔记分别在 CPU 和 GPU 上对 (10000, 1000) 与 (1000, 2000) 两个矩阵的
`torch.matmul(a, b)` 计时，方法是在一次调用的前后读取 `time.time()`。它在 GPU 上
得到的数字有两个误导之处：

1. 第一次调用 CUDA 要付出启动 CUDA、加载内核、分配显存的代价：测到的是准备工作，
   而不是矩阵乘法本身。应该先不计时地运行几次（预热，warm-up）。
2. CUDA 是异步执行的：`a @ b` 只是把任务放进 GPU 的队列就立刻返回，所以读取时钟时
   GPU 可能还在计算。`torch.cuda.synchronize()` 会等待队列中的任务全部完成：每次
   读取时钟之前都要调用它。

用精确的时钟（`time.perf_counter()`）对多次调用取平均，而不是用 `time.time()` 只测
一次，得到的数字会更稳定。PyTorch 的 `torch.utils.benchmark.Timer` 会替你完成这一切。

请实现：

- `time_op(fn, warmup=3, repeats=10, sync=None, clock=time.perf_counter)`：先调用
  `fn()` `warmup` 次；然后调用 `sync()`（sync 不是 None 时）并读取 `clock()`；再调用
  `fn()` `repeats` 次；再次调用 `sync()`（给出时）并读取 `clock()`。时钟恰好读取两次。
  返回每次调用的平均秒数，即（第二次读数 - 第一次读数）/ repeats。warmup 必须至少为
  0，repeats 必须至少为 1，否则抛出 ValueError。
- `sync_for(device)`：对 CUDA 设备（字符串如 "cuda" 或 "cuda:1"，或者类型为
  "cuda" 的 torch.device）返回一个无参数的函数，它调用
  `torch.cuda.synchronize(device)`；对其他设备返回一个什么也不做的函数（CPU 是同步
  计算的）。
- `matmul_seconds(a, b, device, warmup=2, repeats=5)`：先把 a 和 b 移到
  `device`（只移一次），然后返回用 `sync_for(device)` 对 `a @ b` 调用 `time_op`
  的结果。
- `make_timer(a, b)`：返回一个 `torch.utils.benchmark.Timer`，它的语句计算矩阵
  乘积 a @ b，a 和 b 通过 `globals` 传入。（之后 `timer.timeit(n)` 会自己预热和同步。）

检查在任何机器上都会运行 CPU 路径。在没有 GPU 的机器上需要观察 CUDA 路径时，检查会
用一个记录器替换 `torch.cuda.synchronize`；在有 CUDA 的机器上，还会对真实的
GPU 矩阵乘法计时。

    >>> ticks = iter([1.0, 3.0])
    >>> time_op(lambda: None, warmup=1, repeats=4, clock=lambda: next(ticks))
    0.5
    >>> sync_for("cpu")() is None
    True
    >>> make_timer(torch.ones(2, 3), torch.ones(3, 4)).timeit(10).number_per_run
    10

Check your work / 检查：  learn check gpu_timing
"""

import time

import torch
import torch.utils.benchmark


def time_op(fn, warmup: int = 3, repeats: int = 10, sync=None, clock=time.perf_counter) -> float:
    # TODO: ValueError for warmup < 0 or repeats < 1; warm up; sync + clock; repeats calls; sync + clock.
    # TODO：warmup < 0 或 repeats < 1 时抛出 ValueError；预热；同步 + 读时钟；调用 repeats 次；同步 + 读时钟。
    raise NotImplementedError("time_op")


def sync_for(device):
    # TODO: torch.device(device).type == "cuda" -> lambda: torch.cuda.synchronize(device); else a no-op.
    # TODO：torch.device(device).type == "cuda" 时返回 lambda: torch.cuda.synchronize(device)；否则返回空操作。
    raise NotImplementedError("sync_for")


def matmul_seconds(a: torch.Tensor, b: torch.Tensor, device, warmup: int = 2, repeats: int = 5) -> float:
    # TODO: move a and b once, then time_op(lambda: a @ b, warmup, repeats, sync_for(device)).
    # TODO：先移动一次 a 和 b，再 time_op(lambda: a @ b, warmup, repeats, sync_for(device))。
    raise NotImplementedError("matmul_seconds")


def make_timer(a: torch.Tensor, b: torch.Tensor) -> torch.utils.benchmark.Timer:
    # TODO: torch.utils.benchmark.Timer(stmt="a @ b", globals={"a": a, "b": b}).
    # TODO：torch.utils.benchmark.Timer(stmt="a @ b", globals={"a": a, "b": b})。
    raise NotImplementedError("make_timer")
