"""Counts the kernel positions one by one instead of using the formula."""
from collections import OrderedDict

from torch import nn


def same_padding(kernel_size, dilation=1):
    if kernel_size <= 0 or dilation <= 0:
        raise ValueError("bad kernel_size or dilation")
    needed = (kernel_size - 1) * dilation
    right = (needed + 1) // 2
    return needed - right, right


def output_size(size, kernel_size, padding, stride=1, dilation=1):
    if padding == "same":
        if stride != 1:
            raise ValueError("strided 'same' is not supported")
        return size
    if padding == "valid":
        padding = 0
    elif isinstance(padding, str):
        raise ValueError(f"unknown padding {padding}")
    length = size + 2 * padding
    last_tap = dilation * (kernel_size - 1)
    positions = 0
    start = 0
    while start + last_tap < length:
        positions += 1
        start += stride
    if positions == 0:
        raise ValueError("the kernel does not fit")
    return positions


def explicit_same_conv(in_channels, out_channels, kernel_size, dilation=1):
    left, right = same_padding(kernel_size, dilation)
    return nn.Sequential(OrderedDict([
        ("pad", nn.ZeroPad2d((left, right, left, right))),
        ("conv", nn.Conv2d(in_channels, out_channels, kernel_size, padding=0, dilation=dilation)),
    ]))
