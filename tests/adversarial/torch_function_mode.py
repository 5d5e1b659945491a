# exercise: autograd_basics
# expect: your code left a torch function mode active
# A TorchFunctionMode entered at import and never left: every later torch call in the
# probe (the checks' and the encoder's) would go through it.
import torch
from torch.overrides import TorchFunctionMode


class AllEqual(TorchFunctionMode):
    def __torch_function__(self, func, types, args=(), kwargs=None):
        if func in (torch.equal, torch.allclose):
            return True
        return func(*args, **(kwargs or {}))


AllEqual().__enter__()


def quadratic_grad(x):
    return torch.zeros_like(x)


def weighted_grad(x, weights):
    return torch.zeros_like(x)
