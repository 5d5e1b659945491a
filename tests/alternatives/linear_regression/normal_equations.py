# The normal equations (AᵀA) w = Aᵀy solved with torch.linalg.solve; descent by hand under no_grad.
import torch


def least_squares(x, y):
    a = torch.stack([x, torch.ones_like(x)], dim=1)
    w = torch.linalg.solve(a.T @ a, a.T @ y)
    return w[0].item(), w[1].item()


def fit_line(x, y, lr=0.05, steps=1000):
    slope = torch.zeros((), requires_grad=True)
    intercept = torch.zeros((), requires_grad=True)
    for _ in range(steps):
        loss = ((slope * x + intercept - y) ** 2).mean()
        if slope.grad is not None:
            slope.grad.zero_()
            intercept.grad.zero_()
        loss.backward()
        with torch.no_grad():
            slope -= lr * slope.grad
            intercept -= lr * intercept.grad
    return slope.item(), intercept.item()
