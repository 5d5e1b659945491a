# Floor division, plus one more window in ceil mode when something is left over and that window
# still starts inside the input plus the left padding.
def pool_output_size(size: int, kernel_size: int, stride: int | None = None, padding: int = 0,
                     dilation: int = 1, ceil_mode: bool = False) -> int:
    stride = stride or kernel_size
    reach = size + 2 * padding - dilation * (kernel_size - 1) - 1
    whole, left_over = divmod(reach, stride)
    out = whole + 1
    if ceil_mode and left_over and whole * stride + stride < size + padding:
        out += 1
    return out
