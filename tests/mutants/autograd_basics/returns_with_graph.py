# expect: should not require grad
import torch


def quadratic_grad(x: torch.Tensor) -> torch.Tensor:
    leaf = x.detach().clone().requires_grad_(True)
    (leaf**2 + 2 * leaf + 1).sum().backward()
    return leaf.grad.requires_grad_(True)  # a gradient that itself requires grad


def weighted_grad(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    leaf = x.detach().clone().requires_grad_(True)
    y = 2 * leaf
    # y is a vector: backward needs the "upstream" gradient, one weight per element.
    y.backward(weights)
    return leaf.grad
