"""Reference solution: MaxPool2d's indices, and MaxUnpool2d putting the maxima back."""

import torch
from torch import nn


def pool_with_indices(x: torch.Tensor, kernel_size: int) -> tuple[torch.Tensor, torch.Tensor]:
    return nn.MaxPool2d(kernel_size, return_indices=True)(x)


def max_positions(x: torch.Tensor, kernel_size: int) -> tuple[torch.Tensor, torch.Tensor]:
    _, indices = pool_with_indices(x, kernel_size)
    width = x.shape[-1]
    # Indices count along each (H, W) plane of the INPUT, row by row.
    return indices // width, indices % width


def unpool(pooled: torch.Tensor, indices: torch.Tensor, kernel_size: int, output_size=None) -> torch.Tensor:
    return nn.MaxUnpool2d(kernel_size)(pooled, indices, output_size=output_size)


def keep_maxima(x: torch.Tensor, kernel_size: int) -> torch.Tensor:
    pooled, indices = pool_with_indices(x, kernel_size)
    # Without output_size, unpooling gives pooled * kernel_size, which is smaller than x when the size is odd.
    return unpool(pooled, indices, kernel_size, output_size=x.shape[-2:])
