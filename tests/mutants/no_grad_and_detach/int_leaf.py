# expect: Only Tensors of floating point
import torch


def make_leaf(values):
    return torch.tensor(values, requires_grad=True)


def evaluate(w, x):
    with torch.no_grad():
        return x @ w


def constant_factor_grad(w):
    copy = w.detach().clone().requires_grad_(True)
    c = copy.detach()
    (copy * c).sum().backward()
    return copy.grad


def grad_snapshots(w, loss_fn, steps, zero_grad):
    snapshots = []
    for _ in range(steps):
        if zero_grad and w.grad is not None:
            w.grad.zero_()
        loss_fn(w).backward()
        snapshots.append(w.grad.clone())
    return snapshots

