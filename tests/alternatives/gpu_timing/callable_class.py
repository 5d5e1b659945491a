"""A Synchronizer object as the sync function; clock readings collected in a list."""
import time
from itertools import repeat

import torch
from torch.utils.benchmark import Timer


class Synchronizer:
    def __init__(self, device):
        self.device = torch.device(device)

    def __call__(self):
        if self.device.type == "cuda":
            torch.cuda.synchronize(self.device)


def time_op(fn, warmup=3, repeats=10, sync=None, clock=time.perf_counter):
    if not (warmup >= 0 and repeats >= 1):
        raise ValueError(f"bad counts: warmup={warmup}, repeats={repeats}")
    for _ in repeat(None, warmup):
        fn()
    readings = []
    for phase in ("start", "stop"):
        if phase == "stop":
            for _ in repeat(None, repeats):
                fn()
        if sync:
            sync()
        readings.append(clock())
    return (readings[1] - readings[0]) / repeats


def sync_for(device):
    return Synchronizer(device)


def matmul_seconds(a, b, device, warmup=2, repeats=5):
    a_dev, b_dev = (t.to(device) for t in (a, b))
    return time_op(lambda: a_dev @ b_dev, warmup=warmup, repeats=repeats, sync=sync_for(device))


def make_timer(a, b):
    return Timer("x.mm(y)", globals=dict(x=a, y=b))
