# expect: the branch it drops is still differentiated
import torch


def relu(x):
    return torch.where(x > 0, x, torch.zeros_like(x))


def sigmoid(x):
    # Picks the "safe" formula for each sign, but both are computed on the raw x.
    return torch.where(x >= 0, 1 / (1 + torch.exp(-x)), torch.exp(x) / (1 + torch.exp(x)))


def tanh(x):
    return 2 * sigmoid(2 * x) - 1


def softplus(x):
    return torch.where(x >= 0, x, torch.zeros_like(x)) + torch.log1p(torch.exp(-torch.where(x >= 0, x, -x)))
