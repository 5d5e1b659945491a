# set_grad_enabled(False) for evaluation, torch.autograd.grad for the constant factor, zero_() once a grad exists.
import torch


def make_leaf(values):
    return torch.tensor(values, dtype=torch.float32, requires_grad=True)


def evaluate(w, x):
    with torch.set_grad_enabled(False):
        return x @ w


def constant_factor_grad(w):
    copy = w.detach().clone().requires_grad_(True)
    constant = copy.detach()
    (grad,) = torch.autograd.grad((copy * constant).sum(), copy)
    return grad


def grad_snapshots(w, loss_fn, steps, zero_grad):
    history = []
    for _ in range(steps):
        if zero_grad and w.grad is not None:
            w.grad.zero_()
        loss_fn(w).backward()
        history.append(w.grad.detach().clone())
    return history
