# expect: tanh(|x|) = (1 - e) / (1 + e)
import torch


def relu(x):
    return torch.where(x > 0, x, torch.zeros_like(x))


def sigmoid(x):
    z = torch.exp(-torch.where(x >= 0, x, -x))
    return torch.where(x >= 0, 1 / (1 + z), z / (1 + z))


def tanh(x):
    return (torch.exp(x) - torch.exp(-x)) / (torch.exp(x) + torch.exp(-x))


def softplus(x):
    return torch.where(x >= 0, x, torch.zeros_like(x)) + torch.log1p(torch.exp(-torch.where(x >= 0, x, -x)))
