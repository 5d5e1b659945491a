# softplus(x) = log(exp(0) + exp(x)) computed as m + log(exp(-m) + exp(x - m)) with m = max(x, 0);
# sigmoid(x) = exp(x - softplus(x)); tanh from sigmoid.
import torch


def _positive(x):
    return torch.where(x >= 0, x, torch.zeros_like(x))


def relu(x):
    return torch.where(x > 0, x, torch.zeros_like(x))


def softplus(x):
    m = _positive(x)
    return m + torch.log(torch.exp(-m) + torch.exp(x - m))


def sigmoid(x):
    return torch.exp(x - softplus(x))


def tanh(x):
    return 2 * sigmoid(2 * x) - 1
