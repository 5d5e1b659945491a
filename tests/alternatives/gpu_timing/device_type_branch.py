"""Checks the device type with torch.device; a module-level no-op; fn bound with functools.partial."""
import time
from functools import partial

import torch
import torch.utils.benchmark


def _nothing():
    pass


def time_op(fn, warmup=3, repeats=10, sync=None, clock=time.perf_counter):
    if warmup < 0 or repeats <= 0:
        raise ValueError("warmup >= 0 and repeats >= 1 are required")
    sync = sync or _nothing
    [fn() for _ in range(warmup)]
    sync()
    begin = clock()
    [fn() for _ in range(repeats)]
    sync()
    end = clock()
    return (end - begin) / repeats


def sync_for(device):
    device = device if isinstance(device, torch.device) else torch.device(device)
    if device.type != "cuda":
        return _nothing

    def wait():
        torch.cuda.synchronize(device)

    return wait


def matmul_seconds(a, b, device, warmup=2, repeats=5):
    moved = [a.to(device), b.to(device)]
    return time_op(partial(torch.mm, *moved), warmup=warmup, repeats=repeats, sync=sync_for(device))


def make_timer(a, b):
    return torch.utils.benchmark.Timer(stmt="a @ b", setup="", globals={"a": a, "b": b}, label="matmul")
