# expect: stride=None means stride = kernel_size
import math


def pool_output_size(size, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False):
    stride = stride or 1
    reach = size + 2 * padding - dilation * (kernel_size - 1) - 1
    out = (-(-reach // stride) if ceil_mode else reach // stride) + 1
    if ceil_mode and (out - 1) * stride >= size + padding:
        out -= 1
    return out
