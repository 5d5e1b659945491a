# Evaluation through detached operands (no graph is recorded), Parameter-free leaf from a float list.
import torch


def make_leaf(values):
    def floats(v):
        return [floats(item) for item in v] if isinstance(v, (list, tuple)) else float(v)

    return torch.tensor(floats(values), requires_grad=True)


def evaluate(w, x):
    return x.detach() @ w.detach()


def constant_factor_grad(w):
    leaf = w.detach().clone()
    leaf.requires_grad = True
    c = leaf.detach()
    loss = (leaf * c).sum()
    loss.backward()
    return leaf.grad


def grad_snapshots(w, loss_fn, steps, zero_grad):
    copies = []
    step = 0
    while step < steps:
        if zero_grad and w.grad is not None:
            w.grad = torch.zeros_like(w.grad)
        loss_fn(w).backward()
        copies.append(torch.clone(w.grad))
        step += 1
    return copies
