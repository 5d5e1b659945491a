# exercise: autograd_basics
# expect: values differ
# Return a tensor that still belongs to learner state and keep rewriting it from a thread:
# the verdict is taken on a copy made when the value was returned.
import threading

import torch

_buffer = torch.zeros(64)


def _scribble():
    while True:
        _buffer.uniform_()


threading.Thread(target=_scribble, daemon=True).start()


def quadratic_grad(x):
    return _buffer[: x.numel()].view_as(x).to(x.dtype)


def weighted_grad(x, weights):
    return _buffer[: x.numel()].view_as(x)
