# exercise: autograd_basics
# expect: expected a plain torch.Tensor, got an object of type submission.Liar
# A tensor subclass whose __torch_function__ answers "equal" and "close" for everything
# and claims the shape of whatever it is compared with.
import torch


class Liar(torch.Tensor):
    @classmethod
    def __torch_function__(cls, func, types, args=(), kwargs=None):
        if func in (torch.equal, torch.allclose, torch.Tensor.equal):
            return True
        return super().__torch_function__(func, types, args, kwargs or {})


def quadratic_grad(x):
    return torch.zeros_like(x).as_subclass(Liar)


def weighted_grad(x, weights):
    return torch.zeros_like(x).as_subclass(Liar)
