# The weighted gradient as the gradient of the scalar sum(weights * y); torch.tensor(..., requires_grad=True) copies.
import torch


def quadratic_grad(x):
    x = torch.tensor(x.tolist(), dtype=x.dtype, device=x.device, requires_grad=True)
    y = torch.sum(torch.pow(x, 2) + x * 2 + 1)
    y.backward()
    return x.grad.detach()


def weighted_grad(x, weights):
    x = x.clone().detach().requires_grad_(True)
    (weights * (2 * x)).sum().backward()
    return x.grad
