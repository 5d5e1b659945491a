# expect: the column of ones is missing
import torch


def least_squares(x, y):
    slope = torch.linalg.lstsq(x.unsqueeze(1), y.unsqueeze(1)).solution
    return slope.item(), 0.0


def fit_line(x, y, lr=0.05, steps=1000):
    w = torch.zeros(1, requires_grad=True)
    b = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.SGD([w, b], lr=lr)
    for _ in range(steps):
        loss = ((w * x + b - y) ** 2).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return w.item(), b.item()
