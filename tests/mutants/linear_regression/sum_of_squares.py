# expect: Use the MEAN of the squared errors
import torch


def least_squares(x, y):
    design = torch.stack([x, torch.ones_like(x)], dim=1)
    slope, intercept = torch.linalg.lstsq(design, y.unsqueeze(1)).solution.squeeze(1).tolist()
    return slope, intercept


def fit_line(x, y, lr=0.05, steps=1000):
    w = torch.zeros(1, requires_grad=True)
    b = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.SGD([w, b], lr=lr)
    for _ in range(steps):
        loss = ((w * x + b - y) ** 2).sum()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return w.item(), b.item()
