# exercise: autograd_basics
# expect: ran out of memory
# Ask for a tensor of 4 TB.
import torch


def quadratic_grad(x):
    return torch.empty(10**12)


def weighted_grad(x, weights):
    return torch.ones(10**12)
