# expect: A .grad was still None here
# Zeroes the gradients before the first backward(), when .grad is still None.
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
        slope.grad.zero_()
        intercept.grad.zero_()
        loss.backward()
        with torch.no_grad():
            slope -= lr * slope.grad
            intercept -= lr * intercept.grad
    return slope.item(), intercept.item()
