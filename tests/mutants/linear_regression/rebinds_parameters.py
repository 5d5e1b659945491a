# expect: binds the name to a new tensor
# Rebinds the parameters to new tensors instead of updating them in place.
import torch
from torch import nn

def least_squares(x: torch.Tensor, y: torch.Tensor) -> tuple[float, float]:
    # The column of ones lets the solver pick an intercept; without it the
    # line would be forced through the origin.
    design = torch.stack([x, torch.ones_like(x)], dim=1)
    solution = torch.linalg.lstsq(design, y.unsqueeze(1)).solution
    slope, intercept = solution.squeeze(1).tolist()
    return slope, intercept


def fit_line(x, y, lr=0.05, steps=1000):
    slope = torch.zeros((), requires_grad=True)
    intercept = torch.zeros((), requires_grad=True)
    for _ in range(steps):
        loss = ((slope * x + intercept - y) ** 2).mean()
        if slope.grad is not None: slope.grad.zero_()
        if intercept.grad is not None: intercept.grad.zero_()
        loss.backward()
        with torch.no_grad():
            slope = slope - lr * slope.grad
            intercept = intercept - lr * intercept.grad
    return slope.item(), intercept.item()
