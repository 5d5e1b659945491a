"""Layers kept as module attributes; keep_maxima multiplies x by a 0/1 mask of the maxima."""
import torch
from torch import nn


def pool_with_indices(x, kernel_size):
    layer = nn.MaxPool2d(kernel_size=kernel_size, stride=kernel_size, padding=0, return_indices=True)
    return layer(x)


def max_positions(x, kernel_size):
    _, indices = pool_with_indices(x, kernel_size)
    row, col = torch.unravel_index(indices, tuple(x.shape[-2:]))
    return row, col


def unpool(pooled, indices, kernel_size, output_size=None):
    layer = nn.MaxUnpool2d(kernel_size=kernel_size, stride=kernel_size)
    if output_size is not None:
        return layer(pooled, indices, output_size=tuple(output_size))
    return layer(pooled, indices)


def keep_maxima(x, kernel_size):
    _, indices = pool_with_indices(x, kernel_size)
    mask = torch.zeros_like(x).flatten(2)
    mask.scatter_(2, indices.flatten(2), 1.0)
    return x * mask.view_as(x)
