# math.floor / math.ceil on a true division, then PyTorch's rule for the last window.
import math


def pool_output_size(size, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False):
    if stride is None:
        stride = kernel_size
    reach = size + 2 * padding - dilation * (kernel_size - 1) - 1
    rounding = math.ceil if ceil_mode else math.floor
    out = int(rounding(reach / stride)) + 1
    if ceil_mode and (out - 1) * stride >= size + padding:
        out = out - 1
    return out
