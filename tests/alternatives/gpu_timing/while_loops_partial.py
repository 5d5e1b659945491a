"""while loops, a partial of torch.cuda.synchronize, torch.matmul in the timed lambda."""
import functools
import time

import torch
import torch.utils.benchmark as benchmark


def time_op(fn, warmup=3, repeats=10, sync=None, clock=time.perf_counter):
    if repeats < 1:
        raise ValueError("repeats must be >= 1")
    if warmup < 0:
        raise ValueError("warmup must be >= 0")
    done = 0
    while done < warmup:
        fn()
        done += 1
    wait = sync if sync is not None else (lambda: None)
    wait()
    t0 = clock()
    done = 0
    while done < repeats:
        fn()
        done += 1
    wait()
    t1 = clock()
    return (t1 - t0) / repeats


def sync_for(device):
    if str(device).split(":")[0] == "cuda":
        return functools.partial(torch.cuda.synchronize, device)
    return lambda: None


def matmul_seconds(a, b, device, warmup=2, repeats=5):
    x = a.to(device)
    y = b.to(device)
    return time_op(lambda: torch.matmul(x, y), warmup, repeats, sync_for(device))


def make_timer(a, b):
    return benchmark.Timer(stmt="torch.matmul(a, b)", globals={"a": a, "b": b, "torch": torch})
