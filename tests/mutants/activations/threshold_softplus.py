# expect: torch.where still differentiates the branch it drops
# PyTorch's threshold trick: right values, but log1p(exp(x)) is still differentiated at x = 100.
import torch


def relu(x):
    return torch.where(x > 0, x, torch.zeros_like(x))


def sigmoid(x):
    z = torch.exp(-torch.where(x >= 0, x, -x))
    return torch.where(x >= 0, 1 / (1 + z), z / (1 + z))


def tanh(x):
    e = torch.exp(-2 * torch.where(x >= 0, x, -x))
    t = (1 - e) / (1 + e)
    return torch.where(x >= 0, t, -t)


def softplus(x):
    return torch.where(x > 20, x, torch.log1p(torch.exp(x)))
