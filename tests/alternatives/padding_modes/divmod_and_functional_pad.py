"""divmod for the split, a table of paddings, ConstantPad2d with value 0 as the padding layer."""
from torch import nn


def same_padding(kernel_size, dilation=1):
    if min(kernel_size, dilation) < 1:
        raise ValueError("kernel_size and dilation must be >= 1")
    half, odd = divmod(dilation * (kernel_size - 1), 2)
    return half, half + odd


def output_size(size, kernel_size, padding, stride=1, dilation=1):
    if isinstance(padding, str):
        if padding not in ("valid", "same"):
            raise ValueError(padding)
        if padding == "same" and stride != 1:
            raise ValueError("'same' needs stride 1")
        before, after = same_padding(kernel_size, dilation) if padding == "same" else (0, 0)
    else:
        before = after = padding
    span = dilation * (kernel_size - 1) + 1
    padded = size + before + after
    if span > padded:
        raise ValueError("kernel larger than the padded input")
    return (padded - span) // stride + 1


def explicit_same_conv(in_channels, out_channels, kernel_size, dilation=1):
    lo, hi = same_padding(kernel_size, dilation)
    return nn.Sequential(nn.ZeroPad2d(padding=(lo, hi, lo, hi)),
                         nn.Conv2d(in_channels, out_channels, kernel_size=kernel_size, stride=1, dilation=dilation))
