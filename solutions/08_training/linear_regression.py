"""Reference solution: linear regression, closed form and by gradient descent."""

import torch
from torch import nn


def least_squares(x: torch.Tensor, y: torch.Tensor) -> tuple[float, float]:
    # The column of ones lets the solver pick an intercept; without it the
    # line would be forced through the origin.
    design = torch.stack([x, torch.ones_like(x)], dim=1)
    solution = torch.linalg.lstsq(design, y.unsqueeze(1)).solution
    slope, intercept = solution.squeeze(1).tolist()
    return slope, intercept


def fit_line(x: torch.Tensor, y: torch.Tensor, lr: float = 0.05, steps: int = 1000) -> tuple[float, float]:
    # Parameters of our own, in x's dtype and on x's device; x and y stay constants.
    slope = torch.zeros((), dtype=x.dtype, device=x.device, requires_grad=True)
    intercept = torch.zeros((), dtype=x.dtype, device=x.device, requires_grad=True)
    optimizer = torch.optim.SGD([slope, intercept], lr=lr)
    loss_fn = nn.MSELoss()  # the mean: the step size does not grow with the number of samples
    for _ in range(steps):
        loss = loss_fn(slope * x + intercept, y)
        optimizer.zero_grad()  # gradients add up across backward() calls otherwise
        loss.backward()
        optimizer.step()
    return slope.item(), intercept.item()
