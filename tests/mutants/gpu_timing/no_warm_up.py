# expect: fn calls before the first reading (warm-up)
import time

import torch
import torch.utils.benchmark


def time_op(fn, warmup: int = 3, repeats: int = 10, sync=None, clock=time.perf_counter) -> float:
    if warmup < 0 or repeats < 1:
        raise ValueError(f"need warmup >= 0 and repeats >= 1, got warmup={warmup}, repeats={repeats}")
    if sync is not None:
        sync()  # nothing queued before the first reading may be counted
    start = clock()
    for _ in range(repeats):
        fn()
    if sync is not None:
        sync()  # the queued calls must have finished before the second reading
    return (clock() - start) / repeats


def _do_nothing() -> None:
    return None


def sync_for(device):
    if torch.device(device).type == "cuda":
        return lambda: torch.cuda.synchronize(device)
    return _do_nothing  # CPU work is done when the call returns


def matmul_seconds(a: torch.Tensor, b: torch.Tensor, device, warmup: int = 2, repeats: int = 5) -> float:
    a, b = a.to(device), b.to(device)  # copying is not part of what is timed
    return time_op(lambda: a @ b, warmup=warmup, repeats=repeats, sync=sync_for(device))


def make_timer(a: torch.Tensor, b: torch.Tensor) -> torch.utils.benchmark.Timer:
    return torch.utils.benchmark.Timer(stmt="a @ b", globals={"a": a, "b": b})
