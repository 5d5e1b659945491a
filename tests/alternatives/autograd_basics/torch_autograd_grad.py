# torch.autograd.grad instead of .backward(): the gradient is returned, nothing is stored in .grad.
import torch


def quadratic_grad(x):
    leaf = x.detach().clone().requires_grad_()
    (grad,) = torch.autograd.grad((leaf ** 2 + 2 * leaf + 1).sum(), leaf)
    return grad


def weighted_grad(x, weights):
    leaf = x.detach().clone().requires_grad_()
    (grad,) = torch.autograd.grad(2 * leaf, leaf, grad_outputs=weights)
    return grad
