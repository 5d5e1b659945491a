# torch.as_tensor(...).float(), torch.matmul under no_grad, a detached copy as the constant factor.
import torch


def make_leaf(values):
    leaf = torch.as_tensor(values).float()
    leaf.requires_grad_()
    return leaf


def evaluate(w, x):
    with torch.no_grad():
        result = torch.matmul(x, w)
    return result


def constant_factor_grad(w):
    leaf = w.clone().detach().requires_grad_(True)
    c = leaf.detach()
    torch.sum(leaf * c).backward()
    return leaf.grad


def grad_snapshots(w, loss_fn, steps, zero_grad):
    return [_one_step(w, loss_fn, zero_grad) for _ in range(steps)]


def _one_step(w, loss_fn, zero_grad):
    if zero_grad:
        w.grad = None
    loss_fn(w).backward()
    return w.grad.clone()
