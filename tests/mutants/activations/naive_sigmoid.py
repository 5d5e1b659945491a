# expect: its gradient is inf / inf = nan
import torch


def relu(x):
    return torch.where(x > 0, x, torch.zeros_like(x))


def sigmoid(x):
    return 1 / (1 + torch.exp(-x))


def tanh(x):
    e = torch.exp(-2 * torch.where(x >= 0, x, -x))
    t = (1 - e) / (1 + e)
    return torch.where(x >= 0, t, -t)


def softplus(x):
    return torch.where(x >= 0, x, torch.zeros_like(x)) + torch.log1p(torch.exp(-torch.where(x >= 0, x, -x)))
