"""Reference solution: an outline kernel written into a convolution's weights."""

import torch
from torch import nn


def outline_kernel(size: int) -> torch.Tensor:
    if size < 1 or size % 2 == 0:
        raise ValueError(f"an outline kernel needs an odd, positive size, got {size}")
    kernel = torch.full((size, size), -1.0)
    centre = size // 2
    kernel[centre, centre] = size * size - 1  # balances the -1s: the kernel sums to 0
    return kernel


def set_kernel(conv: nn.Conv2d, kernel: torch.Tensor, channel: int = 0) -> None:
    if tuple(kernel.shape) != tuple(conv.weight.shape[2:]):
        raise ValueError(f"kernel shape {tuple(kernel.shape)} does not fit weights {tuple(conv.weight.shape)}")
    # no_grad: autograd refuses in-place writes to a leaf that requires grad, and must not record this one.
    with torch.no_grad():
        conv.weight[channel, 0].copy_(kernel)


def edge_map(image: torch.Tensor) -> torch.Tensor:
    conv = nn.Conv2d(1, 1, 5, bias=False)
    set_kernel(conv, outline_kernel(5))
    with torch.no_grad():
        return conv(image[None, None])[0, 0]
