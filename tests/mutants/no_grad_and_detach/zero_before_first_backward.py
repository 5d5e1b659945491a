# expect: A .grad was still None here
from typing import Callable

import torch


def make_leaf(values: list) -> torch.Tensor:
    # Integers cannot require grad, so the dtype is fixed at creation; creating the
    # tensor with requires_grad (instead of converting afterwards) keeps it a leaf.
    return torch.tensor(values, dtype=torch.float32, requires_grad=True)


def evaluate(w: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
    # Nothing needs gradients at evaluation time: skip recording the graph.
    with torch.no_grad():
        return x @ w


def constant_factor_grad(w: torch.Tensor) -> torch.Tensor:
    leaf = w.detach().clone().requires_grad_(True)
    factor = leaf.detach()  # same values, but a constant for autograd
    (leaf * factor).sum().backward()
    return leaf.grad


def grad_snapshots(w: torch.Tensor, loss_fn: Callable[[torch.Tensor], torch.Tensor], steps: int,
                   zero_grad: bool) -> list[torch.Tensor]:
    snapshots = []
    for _ in range(steps):
        if zero_grad:
            w.grad.zero_()  # fails before the first backward: w.grad is None
        loss_fn(w).backward()
        # backward() keeps adding into the same w.grad tensor: copy the current value.
        snapshots.append(w.grad.clone())
    return snapshots
