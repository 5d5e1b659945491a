"""Reference solution: output size of a convolution."""


def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0, dilation: int = 1) -> int:
    # The dilated kernel spans dilation*(k-1)+1 pixels; it fits at every
    # stride-th start position inside the padded input.
    span = dilation * (kernel_size - 1) + 1
    return (size + 2 * padding - span) // stride + 1
