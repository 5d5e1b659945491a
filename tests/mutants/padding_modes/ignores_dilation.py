# expect: so 'same' needs d*(k-1) zeros in total
from torch import nn


def same_padding(kernel_size: int, dilation: int = 1) -> tuple[int, int]:
    if kernel_size < 1 or dilation < 1:
        raise ValueError(f"kernel_size and dilation must be at least 1, got {kernel_size} and {dilation}")
    total = kernel_size - 1
    # An odd total cannot be split evenly: PyTorch puts the extra zero on the right (bottom).
    return total // 2, total - total // 2


def output_size(size: int, kernel_size: int, padding, stride: int = 1, dilation: int = 1) -> int:
    if padding == "valid":
        zeros = 0
    elif padding == "same":
        if stride != 1:
            raise ValueError("padding='same' is not supported for strided convolutions")
        zeros = sum(same_padding(kernel_size, dilation))
    elif isinstance(padding, str):
        raise ValueError(f"padding must be 'valid', 'same' or an int, got {padding!r}")
    else:
        zeros = 2 * padding
    out = (size + zeros - dilation * (kernel_size - 1) - 1) // stride + 1
    if out < 1:
        raise ValueError(f"a kernel spanning {dilation * (kernel_size - 1) + 1} does not fit in {size + zeros}")
    return out


def explicit_same_conv(in_channels: int, out_channels: int, kernel_size: int, dilation: int = 1) -> nn.Sequential:
    left, right = same_padding(kernel_size, dilation)
    return nn.Sequential(
        nn.ZeroPad2d((left, right, left, right)),  # (left, right, top, bottom)
        nn.Conv2d(in_channels, out_channels, kernel_size, padding=0, dilation=dilation),
    )
