# expect: Compute it under torch.no_grad()
import torch


def make_leaf(values):
    return torch.tensor(values, dtype=torch.float32, requires_grad=True)


def evaluate(w, x):
    return x @ w


def constant_factor_grad(w):
    copy = w.detach().clone().requires_grad_(True)
    (copy * copy.detach()).sum().backward()
    return copy.grad


def grad_snapshots(w, loss_fn, steps, zero_grad):
    snapshots = []
    for _ in range(steps):
        if zero_grad:
            w.grad = None
        loss_fn(w).backward()
        snapshots.append(w.grad.clone())
    return snapshots
