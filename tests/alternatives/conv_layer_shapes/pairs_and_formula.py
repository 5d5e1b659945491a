# kernel_size normalised to a pair; the output size from the layer's pairs and the statement's formula.
def _pair(value):
    return tuple(value) if isinstance(value, (tuple, list)) else (value, value)


def conv_parameter_shapes(in_channels, out_channels, kernel_size, bias=True):
    k_h, k_w = _pair(kernel_size)
    shapes = {"weight": (out_channels, in_channels, k_h, k_w)}
    if bias:
        shapes["bias"] = (out_channels,)
    return shapes


def conv_parameter_count(in_channels, out_channels, kernel_size, bias=True):
    total = 0
    for shape in conv_parameter_shapes(in_channels, out_channels, kernel_size, bias).values():
        count = 1
        for size in shape:
            count *= size
        total += count
    return total


def conv_output_shape(layer, input_shape):
    n, c, h, w = input_shape
    if c != layer.in_channels:
        raise ValueError(f"layer expects {layer.in_channels} channels, got {c}")
    sizes = []
    for size, k, s, p, d in zip((h, w), layer.kernel_size, layer.stride, layer.padding, layer.dilation):
        sizes.append((size + 2 * p - d * (k - 1) - 1) // s + 1)
    return (n, layer.out_channels, sizes[0], sizes[1])
