"""The zeros on each side kept as a pair all the way; -(-a // b) style arithmetic avoided."""
import math

from torch import nn


def same_padding(kernel_size, dilation=1):
    if not (kernel_size >= 1 and dilation >= 1):
        raise ValueError("need kernel_size >= 1 and dilation >= 1")
    total = dilation * (kernel_size - 1)
    left = math.floor(total / 2)
    return (left, total - left)


def _zeros(padding, kernel_size, stride, dilation):
    if padding == "valid":
        return (0, 0)
    if padding == "same":
        if stride == 1:
            return same_padding(kernel_size, dilation)
        raise ValueError("padding='same' is not supported for strided convolutions")
    if isinstance(padding, int):
        return (padding, padding)
    raise ValueError(f"padding={padding!r}")


def output_size(size, kernel_size, padding, stride=1, dilation=1):
    left, right = _zeros(padding, kernel_size, stride, dilation)
    out = math.floor((size + left + right - dilation * (kernel_size - 1) - 1) / stride) + 1
    if out <= 0:
        raise ValueError("no room for the kernel")
    return int(out)


def explicit_same_conv(in_channels, out_channels, kernel_size, dilation=1):
    left, right = same_padding(kernel_size, dilation)
    model = nn.Sequential()
    model.add_module("0", nn.ZeroPad2d((left, right, left, right)))
    model.add_module("1", nn.Conv2d(in_channels, out_channels, (kernel_size, kernel_size), dilation=(dilation, dilation)))
    return model
