"""The notes' way: build the kernel from ones, write through .data, read the output's .data."""
import torch
from torch import nn


def outline_kernel(size):
    if not (isinstance(size, int) and size > 0 and size % 2 == 1):
        raise ValueError("size must be odd and positive")
    ker = torch.ones(size, size, dtype=torch.float32) * -1
    ker[size // 2, size // 2] = size ** 2 - 1
    return ker


def set_kernel(conv, kernel, channel=0):
    if kernel.dim() != 2 or kernel.shape != conv.weight.shape[-2:]:
        raise ValueError("kernel does not fit")
    conv.weight.data[channel] = kernel.reshape(1, *kernel.shape)


def edge_map(image):
    conv2d = nn.Conv2d(1, 1, (5, 5), bias=False)
    set_kernel(conv2d, outline_kernel(5))
    h, w = image.shape
    out = conv2d(image.reshape(1, 1, h, w))
    return out.data.squeeze(1).squeeze(0)
