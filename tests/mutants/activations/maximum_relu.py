# expect: torch.maximum(x, 0) splits the gradient
import torch


def relu(x):
    return torch.maximum(x, torch.zeros_like(x))


def sigmoid(x):
    z = torch.exp(-torch.where(x >= 0, x, -x))
    return torch.where(x >= 0, 1 / (1 + z), z / (1 + z))


def tanh(x):
    e = torch.exp(-2 * torch.where(x >= 0, x, -x))
    t = (1 - e) / (1 + e)
    return torch.where(x >= 0, t, -t)


def softplus(x):
    return torch.maximum(x, torch.zeros_like(x)) + torch.log1p(torch.exp(-x.abs()))
