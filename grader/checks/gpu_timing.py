"""Checks for exercises/09_devices/gpu_timing.py.

time_op is run against a simulated asynchronous device: each call of fn only
queues 0.25 s of work, and the simulated clock moves on only when sync() waits
for the queue, as a GPU's does. The probe returns the raw log of events; the
judge derives the facts (warm-up calls, sync before each reading, the result)
from both runs and compares them. Real timings are only checked to be
positive numbers: nothing depends on how fast this machine is.
"""

from __future__ import annotations

import math
from contextlib import contextmanager
from typing import Any

from grader.checks import Suite, T, facts, lazy

torch = lazy("torch")

suite = Suite("gpu_timing", names=("time_op", "sync_for", "matmul_seconds", "make_timer"),
              needs=("torch", "torch.utils.benchmark"))

#: seconds of simulated device work each call of fn queues
WORK = 0.25
#: the kernels every matrix product of two 2-D tensors ends in (a @ b, torch.matmul, torch.mm, einsum...)
PRODUCT_KERNELS = {"aten::mm", "aten::bmm", "aten::addmm"}

WARM_UP = T(
    "Call fn() `warmup` times before the first clock reading: the first calls pay for start-up (CUDA context, "
    "kernel loading, memory), which is not what you want to measure.",
    "第一次读取时钟之前要先调用 fn() `warmup` 次：最初几次调用要付出启动的代价（CUDA 上下文、加载内核、分配显存），"
    "那不是你想测量的东西。",
)
SYNC_BEFORE_READING = T(
    "Call sync() right before EACH clock reading. Before the second one it waits for the queued calls to finish "
    "(without it you time only the queueing, about 0); before the first one it keeps the warm-up's queued work "
    "out of the measurement.",
    "每次读取时钟之前都要调用 sync()。第二次读数之前，它等待队列中的调用完成（没有它，你只测到了排队的时间，"
    "几乎为 0）；第一次读数之前，它让预热时排队的工作不被计入测量。",
)
TWO_READINGS = T(
    "Read the clock exactly twice, once before and once after the `repeats` timed calls, and divide the "
    "difference by repeats.",
    "时钟恰好读取两次：在 `repeats` 次计时调用之前读一次，之后读一次，再把差值除以 repeats。",
)
COUNTS = T(
    "warmup may be 0 (no warm-up) but not negative, and repeats must be at least 1: raise ValueError otherwise.",
    "warmup 可以为 0（不预热），但不能为负；repeats 必须至少为 1：否则抛出 ValueError。",
)
SYNC_CALL = T(
    "For a CUDA device return a function that calls torch.cuda.synchronize(device) when it is called (look "
    "torch.cuda.synchronize up at call time, and pass the device on); for any other device return a function "
    "that does nothing.",
    "对 CUDA 设备返回一个函数，它在被调用时执行 torch.cuda.synchronize(device)（在调用时再去取 "
    "torch.cuda.synchronize，并把 device 传下去）；对其他设备返回一个什么也不做的函数。",
)


class SimulatedDevice:
    """Queues work on each call of fn; the clock advances only when sync() drains the queue."""

    def __init__(self) -> None:
        self.now = 100.0
        self.queued = 0.0
        self.log: list[str] = []

    def fn(self) -> None:
        self.log.append("call")
        self.queued += WORK

    def sync(self) -> None:
        self.log.append("sync")
        self.now += self.queued
        self.queued = 0.0

    def clock(self) -> float:
        self.log.append("clock")
        return self.now


def timing_facts(run: Any) -> dict[str, Any]:
    """What a time_op run did, from its raw event log (judge side)."""
    log, result = run["events"], run["result"]
    readings = [i for i, event in enumerate(log) if event == "clock"]
    first = readings[0] if readings else len(log)
    last = readings[-1] if readings else len(log)
    synced = run["sync given"]
    return {
        "clock readings": len(readings),
        "fn calls before the first reading (warm-up)": log[:first].count("call"),
        "fn calls between the two readings (timed)": log[first:last].count("call") if len(readings) == 2 else None,
        "fn calls after the last reading": log[last:].count("call"),
        "sync() right before every clock reading": bool(readings) and all(
            i > 0 and log[i - 1] == "sync" for i in readings) if synced else "no sync given",
        "result (mean seconds per call)": result,
    }


def timed_run(m, warmup: int, repeats: int, with_sync: bool) -> dict[str, Any]:
    device = SimulatedDevice()
    kwargs = {"sync": device.sync} if with_sync else {}
    result = m.time_op(device.fn, warmup=warmup, repeats=repeats, clock=device.clock, **kwargs)
    return {"events": device.log, "result": result, "sync given": with_sync}


@suite.case("warm-up 3, 10 timed calls, sync before each reading: 0.25 s per call on the simulated device",
            "预热 3 次、计时 10 次、每次读数前同步：在模拟设备上每次调用 0.25 秒", rule=facts(timing_facts),
            hint=SYNC_BEFORE_READING)
def default_run(m):
    return timed_run(m, 3, 10, True)


@suite.case("the warm-up calls come before the first reading", "预热调用发生在第一次读数之前", rule=facts(timing_facts),
            hint=WARM_UP)
def warm_up_first(m):
    return timed_run(m, 5, 4, True)


@suite.case("sync=None: no sync, the clock is read twice around the timed calls",
            "sync=None：不同步，时钟在计时调用前后各读一次", rule=facts(timing_facts), hint=TWO_READINGS)
def without_sync(m):
    return timed_run(m, 2, 6, False)


@suite.case("warmup=0 (the smallest): no call before the first reading", "warmup=0（最小值）：第一次读数之前没有调用",
            rule=facts(timing_facts), hint=COUNTS)
def no_warm_up(m):
    return timed_run(m, 0, 3, True)


@suite.case("repeats=1 (the smallest): one timed call", "repeats=1（最小值）：只计时一次调用", rule=facts(timing_facts),
            hint=TWO_READINGS)
def one_repeat(m):
    return timed_run(m, 2, 1, True)


@suite.case("repeats=0 raises ValueError", "repeats=0 时抛出 ValueError", hint=COUNTS)
def zero_repeats(m):
    return timed_run(m, 2, 0, True)


@suite.case("warmup=-1 raises ValueError", "warmup=-1 时抛出 ValueError", hint=COUNTS)
def negative_warm_up(m):
    return timed_run(m, -1, 3, True)


@suite.case("the default clock is time.perf_counter: a real run returns a small positive number",
            "默认时钟是 time.perf_counter：真实运行返回一个小的正数",
            rule=lambda got, expected: None if type(got) is float and math.isfinite(got) and 0 < got < 60 else T(
                f"time_op(fn) should return the mean seconds per call as a positive float, got {got!r}.",
                f"time_op(fn) 应返回每次调用的平均秒数（一个正的 float），得到的是 {got!r}。"))
def real_clock(m):
    return m.time_op(lambda: sum(range(2000)), warmup=1, repeats=3)


@contextmanager
def recorded_synchronize():
    """torch.cuda.synchronize replaced by a recorder of its arguments (a CPU-only machine cannot run it)."""
    calls: list[Any] = []
    saved = torch.cuda.synchronize
    torch.cuda.synchronize = lambda *args, **kwargs: calls.append([str(a) for a in args] + [
        f"{k}={v}" for k, v in sorted(kwargs.items())])
    try:
        yield calls
    finally:
        torch.cuda.synchronize = saved


@suite.case("sync_for('cuda'), ('cuda:1') and (torch.device('cuda', 0)) call torch.cuda.synchronize with that device",
            "sync_for('cuda')、('cuda:1') 和 (torch.device('cuda', 0)) 会用该设备调用 torch.cuda.synchronize",
            hint=SYNC_CALL)
def cuda_sync(m):
    result = {}
    for device in ("cuda", "cuda:1", torch.device("cuda", 0)):
        with recorded_synchronize() as calls:
            function = m.sync_for(device)
            made = list(calls)
            function()
            function()
        result[str(device)] = {"synchronize calls while making the function": made, "after calling it twice": calls}
    return result


@suite.case("sync_for('cpu') and sync_for(torch.device('cpu')) do nothing", "sync_for('cpu') 和 sync_for(torch.device('cpu')) 什么也不做",
            hint=SYNC_CALL)
def cpu_sync(m):
    with recorded_synchronize() as calls:
        returned = [m.sync_for("cpu")(), m.sync_for(torch.device("cpu"))()]
    return {"synchronize calls": calls, "return values": returned}


@contextmanager
def counted_products():
    """Count the matrix products computed inside the block from the operator profiler's events (cases run with
    tensor subclasses switched off, and a torch function mode left on while learner code runs is tampering)."""
    from torch.autograd import profiler_legacy

    calls: list[str] = []
    with profiler_legacy.profile() as profile:
        yield calls
    calls.extend(event.name for event in profile.function_events if event.name in PRODUCT_KERNELS)


def seconds_and_counts(got: Any, expected: Any) -> T | None:
    seconds = got["seconds"]
    if type(seconds) is not float or not math.isfinite(seconds) or seconds <= 0:
        return T(f"matmul_seconds should return a positive float number of seconds, got {seconds!r}.",
                 f"matmul_seconds 应返回一个正的 float 秒数，得到的是 {seconds!r}。")
    if got["matrix products"] != expected["matrix products"]:
        return T(f"{got['matrix products']} matrix products were computed, expected {expected['matrix products']} "
                 f"(warmup + repeats): time a @ b with time_op(..., warmup=warmup, repeats=repeats, ...).",
                 f"计算了 {got['matrix products']} 次矩阵乘法，应为 {expected['matrix products']} 次"
                 f"（warmup + repeats）：用 time_op(..., warmup=warmup, repeats=repeats, ...) 为 a @ b 计时。")
    if got["synchronize calls"] != expected["synchronize calls"]:
        return SYNC_CALL
    return None


@suite.case("matmul_seconds on the CPU: warmup + repeats products, a positive time, no CUDA synchronisation",
            "CPU 上的 matmul_seconds：warmup + repeats 次乘法、正的时间、没有 CUDA 同步", rule=seconds_and_counts)
def cpu_matmul(m):
    a, b = torch.randn(128, 96), torch.randn(96, 64)
    with recorded_synchronize() as syncs, counted_products() as calls:
        seconds = m.matmul_seconds(a, b, "cpu", warmup=3, repeats=4)
    return {"seconds": seconds, "matrix products": len(calls), "synchronize calls": syncs}


@suite.case("matmul_seconds with the defaults: 2 warm-up and 5 timed products", "默认参数的 matmul_seconds：预热 2 次、计时 5 次",
            rule=seconds_and_counts)
def default_matmul(m):
    a, b = torch.randn(64, 32), torch.randn(32, 16)
    with recorded_synchronize() as syncs, counted_products() as calls:
        seconds = m.matmul_seconds(a, b, torch.device("cpu"))
    return {"seconds": seconds, "matrix products": len(calls), "synchronize calls": syncs}


@suite.case("make_timer: a benchmark Timer whose timeit(4) computes a @ b (4 times plus its own warm-up)",
            "make_timer：一个 benchmark Timer，timeit(4) 计算 a @ b（4 次，外加它自己的预热）",
            hint=T("torch.utils.benchmark.Timer(stmt=\"a @ b\", globals={\"a\": a, \"b\": b}): the statement is a "
                   "string, and globals hands it the tensors.",
                   "torch.utils.benchmark.Timer(stmt=\"a @ b\", globals={\"a\": a, \"b\": b})：语句是一个字符串，"
                   "globals 把张量交给它。"))
def timer(m):
    made = m.make_timer(torch.randn(16, 8), torch.randn(8, 4))
    with counted_products() as calls:
        measurement = made.timeit(4)
    return {"a torch.utils.benchmark.Timer": isinstance(made, torch.utils.benchmark.Timer),
            "timeit gives a Measurement": type(measurement).__name__, "runs per measurement": measurement.number_per_run,
            "matrix products of a and b": len(calls)}


def gpu_facts(run: Any) -> dict[str, Any]:
    seconds = run["seconds"]
    positive = type(seconds) is float and math.isfinite(seconds) and seconds > 0
    if not run["cuda available"]:
        return {"cuda available": False, "a positive time for the notes' product on the CPU": positive}
    return {"cuda available": True, "a positive time on the GPU": positive,
            "synchronize calls (warm-up + timed)": run["synchronize calls"]}


@suite.case("on a machine with CUDA, the notes' product (10000, 1000) @ (1000, 2000) is timed on the GPU too "
            "(a CPU-only machine checks the CPU path only)",
            "在有 CUDA 的机器上，笔记中的乘法 (10000, 1000) @ (1000, 2000) 也在 GPU 上计时（只有 CPU 的机器只检查 CPU 路径）",
            rule=facts(gpu_facts), hint=SYNC_BEFORE_READING)
def real_gpu(m):
    if not torch.cuda.is_available():
        # the CPU path of the same call, a tenth of the notes' size: one warm-up and one timed product
        seconds = m.matmul_seconds(torch.randn(1000, 100), torch.randn(100, 200), "cpu", warmup=1, repeats=1)
        return {"cuda available": False, "seconds": seconds}
    calls: list[int] = []
    real = torch.cuda.synchronize

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    torch.cuda.synchronize = counting
    try:
        seconds = m.matmul_seconds(torch.randn(10000, 1000), torch.randn(1000, 2000), "cuda")
    finally:
        torch.cuda.synchronize = real
    return {"cuda available": True, "seconds": seconds, "synchronize calls": len(calls)}
