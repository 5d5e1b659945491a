# The count from one formula, out * (in * kH * kW + bias); shapes with explicit branches.
import math


def conv_parameter_shapes(in_channels: int, out_channels: int, kernel_size, bias: bool = True) -> dict:
    if isinstance(kernel_size, int):
        kernel = (kernel_size, kernel_size)
    else:
        kernel = (int(kernel_size[0]), int(kernel_size[1]))
    result = {"weight": (out_channels, in_channels) + kernel}
    if bias:
        result["bias"] = (out_channels,)
    return result


def conv_parameter_count(in_channels: int, out_channels: int, kernel_size, bias: bool = True) -> int:
    kernel = conv_parameter_shapes(in_channels, out_channels, kernel_size)["weight"][2:]
    return out_channels * (in_channels * math.prod(kernel) + (1 if bias else 0))


def conv_output_shape(layer, input_shape):
    batch, channels, *spatial = input_shape
    if channels != layer.in_channels:
        raise ValueError("channel count does not match the layer")
    out = tuple(
        math.floor((size + 2 * layer.padding[i] - layer.dilation[i] * (layer.kernel_size[i] - 1) - 1)
                   / layer.stride[i]) + 1
        for i, size in enumerate(spatial)
    )
    return (int(batch), int(layer.out_channels)) + out
