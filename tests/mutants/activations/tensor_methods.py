# expect: asks you to write yourself
# Tensor methods are torch's own activations: correct values, but not written by hand.
import torch


def relu(x):
    return x.relu()


def sigmoid(x):
    return x.sigmoid()


def tanh(x):
    return x.tanh()


def softplus(x):
    return torch.where(x > 20, x, torch.log1p(torch.exp(torch.clamp(x, max=20))))
