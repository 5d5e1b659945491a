# expect: each output channel also has one bias value
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
    return out_channels * in_channels * kh * kw


def conv_output_shape(layer, input_shape):
    n, c, h, w = input_shape
    if c != layer.in_channels:
        raise ValueError("wrong number of channels")
    (kh, kw), (sh, sw), (ph, pw), (dh, dw) = layer.kernel_size, layer.stride, layer.padding, layer.dilation
    return (n, layer.out_channels, (h + 2 * ph - dh * (kh - 1) - 1) // sh + 1, (w + 2 * pw - dw * (kw - 1) - 1) // sw + 1)
