# exercise: autograd_basics
# expect: your code left a torch dispatch mode active
# A TorchDispatchMode left active rewrites the values of every tensor operation after it.
import torch
from torch.utils._python_dispatch import TorchDispatchMode


class Rewrite(TorchDispatchMode):
    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        return func(*args, **(kwargs or {}))


Rewrite().__enter__()


def quadratic_grad(x):
    return torch.zeros_like(x)


def weighted_grad(x, weights):
    return torch.zeros_like(x)
