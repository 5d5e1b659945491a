"""Reference solution: output size of max pooling."""


def pool_output_size(
    size: int,
    kernel_size: int,
    stride: int | None = None,
    padding: int = 0,
    dilation: int = 1,
    ceil_mode: bool = False,
) -> int:
    if stride is None:
        stride = kernel_size
    reach = size + 2 * padding - dilation * (kernel_size - 1) - 1
    if ceil_mode:
        out = -(-reach // stride) + 1  # ceiling division on integers
        # PyTorch keeps the extra window only if it starts inside the input or the left padding.
        if (out - 1) * stride >= size + padding:
            out -= 1
    else:
        out = reach // stride + 1
    return out
