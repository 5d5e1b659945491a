"""Reference solution: the parameters and output shape of nn.Conv2d."""

from torch import nn


def _pair(kernel_size: int | tuple[int, int]) -> tuple[int, int]:
    return (kernel_size, kernel_size) if isinstance(kernel_size, int) else (int(kernel_size[0]), int(kernel_size[1]))


def conv_parameter_shapes(
    in_channels: int, out_channels: int, kernel_size: int | tuple[int, int], bias: bool = True
) -> dict[str, tuple[int, ...]]:
    kernel_h, kernel_w = _pair(kernel_size)
    # One kernel per output channel, each reaching across all input channels.
    shapes: dict[str, tuple[int, ...]] = {"weight": (out_channels, in_channels, kernel_h, kernel_w)}
    if bias:
        shapes["bias"] = (out_channels,)
    return shapes


def conv_parameter_count(
    in_channels: int, out_channels: int, kernel_size: int | tuple[int, int], bias: bool = True
) -> int:
    total = 0
    for shape in conv_parameter_shapes(in_channels, out_channels, kernel_size, bias).values():
        count = 1
        for dim in shape:
            count *= dim
        total += count
    return total


def conv_output_shape(layer: nn.Conv2d, input_shape: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    batch, channels, height, width = input_shape
    if channels != layer.in_channels:
        raise ValueError(f"the layer expects {layer.in_channels} input channels, the input has {channels}")
    # nn.Conv2d stores kernel_size, stride, padding and dilation as (height, width) pairs.
    sizes = [
        (size + 2 * padding - dilation * (kernel - 1) - 1) // stride + 1
        for size, kernel, stride, padding, dilation in zip(
            (height, width), layer.kernel_size, layer.stride, layer.padding, layer.dilation
        )
    ]
    return (batch, layer.out_channels, sizes[0], sizes[1])
