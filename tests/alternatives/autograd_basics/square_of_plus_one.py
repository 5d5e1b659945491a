# (x + 1)**2 is the same polynomial; backward with a keyword gradient; detach before returning.
import torch


def quadratic_grad(x):
    copy = x.detach().clone()
    copy.requires_grad = True
    ((copy + 1) ** 2).sum().backward()
    return copy.grad.detach()


def weighted_grad(x, weights):
    copy = x.detach().clone()
    copy.requires_grad_(True)
    y = copy * 2
    y.backward(gradient=weights)
    return copy.grad.detach()
