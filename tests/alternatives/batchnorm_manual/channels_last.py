"""Moves the channel dimension to the end, where (C,) tensors broadcast without reshaping; sums by hand."""
import torch


def batch_norm_train(x, running_mean, running_var, weight, bias, momentum=0.1, eps=1e-5):
    last = x.movedim(1, -1)
    flat = last.reshape(-1, last.shape[-1])  # (n, C)
    n = flat.shape[0]
    if n == 1:
        raise ValueError("need more than one value per channel to train")
    mean = flat.sum(0) / n
    squared = ((flat - mean) ** 2).sum(0)
    y = ((last - mean) / (squared / n + eps).sqrt() * weight + bias).movedim(-1, 1)
    new_mean = running_mean * (1 - momentum) + mean.detach() * momentum
    new_var = running_var * (1 - momentum) + (squared.detach() / (n - 1)) * momentum
    return y, new_mean, new_var


def batch_norm_eval(x, running_mean, running_var, weight, bias, eps=1e-5):
    last = x.movedim(1, -1)
    return ((last - running_mean) * torch.rsqrt(running_var + eps) * weight + bias).movedim(-1, 1)
