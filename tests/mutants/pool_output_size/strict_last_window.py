# expect: strictly beyond size + padding (>)
# The last-window rule written with > instead of >=: a window starting exactly at size + padding is kept.
def pool_output_size(size, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False):
    stride = kernel_size if stride is None else stride
    reach = size + 2 * padding - dilation * (kernel_size - 1) - 1
    if not ceil_mode:
        return reach // stride + 1
    out = -(-reach // stride) + 1
    if (out - 1) * stride > size + padding:
        out -= 1
    return out
