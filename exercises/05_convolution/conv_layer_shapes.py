"""Inside nn.Conv2d: parameter and output shapes / nn.Conv2d 内部：参数与输出的形状

English
-------
`nn.Conv2d(in_channels, out_channels, kernel_size)` holds one kernel per
OUTPUT channel, and each kernel spans every INPUT channel:

    weight: (out_channels, in_channels, kH, kW)      -- out first!
    bias:   (out_channels,)                          -- one number per output channel

The notes' layer `Conv2d(3, 10, kernel_size=3, padding=1, stride=2)` has a
weight of shape (10, 3, 3, 3) and a bias of shape (10,): `10*3*3*3 + 10` = 280
parameters. `kernel_size` may be an int (a square kernel) or a pair (kH, kW).
Write three functions:

1. `conv_parameter_shapes(in_channels, out_channels, kernel_size, bias=True)`
   returns a dict `{"weight": (out, in, kH, kW), "bias": (out,)}`, the shapes
   `nn.Conv2d(...).named_parameters()` would show. With `bias=False` there is
   no "bias" entry at all.
2. `conv_parameter_count(in_channels, out_channels, kernel_size, bias=True)`
   returns the total number of parameters as an int.
3. `conv_output_shape(layer, input_shape)` returns the output shape
   `(N, out_channels, H_out, W_out)` (a tuple of ints) that `layer(x)` would
   produce for an input `x` of shape `input_shape = (N, C, H, W)`, where
   `layer` is an `nn.Conv2d`. Read the layer's own attributes:
   `layer.in_channels`, `layer.out_channels`, and `layer.kernel_size`,
   `layer.stride`, `layer.padding`, `layer.dilation` -- these four are
   PAIRS (height, width) even if the layer was built with ints. Per spatial
   dimension: `(size + 2*padding - dilation*(kernel - 1) - 1) // stride + 1`.
   If `C != layer.in_channels`, raise `ValueError`: the layer could not run.
   (Running the layer on `torch.empty(input_shape, device="meta")` and reading
   the shape is a fine alternative, as long as the layer may live on any
   device and you still raise ValueError for the wrong channel count.)

       >>> conv_output_shape(nn.Conv2d(3, 10, 3, padding=1, stride=2), (7, 3, 60, 60))
       (7, 10, 30, 30)

中文
----
`nn.Conv2d(in_channels, out_channels, kernel_size)` 为每个“输出”通道保存一个卷积核，
每个卷积核覆盖所有“输入”通道：

    weight：(out_channels, in_channels, kH, kW)      —— 输出通道在前！
    bias：  (out_channels,)                          —— 每个输出通道一个数

笔记中的层 `Conv2d(3, 10, kernel_size=3, padding=1, stride=2)` 的 weight 形状为
(10, 3, 3, 3)，bias 形状为 (10,)：共 `10*3*3*3 + 10` = 280 个参数。`kernel_size` 可以是
int（正方形卷积核），也可以是二元组 (kH, kW)。请实现三个函数：

1. `conv_parameter_shapes(in_channels, out_channels, kernel_size, bias=True)`：返回字典
   `{"weight": (out, in, kH, kW), "bias": (out,)}`，也就是 `nn.Conv2d(...).named_parameters()`
   会给出的形状。`bias=False` 时字典里根本没有 "bias"。
2. `conv_parameter_count(in_channels, out_channels, kernel_size, bias=True)`：以 int 返回
   参数总数。
3. `conv_output_shape(layer, input_shape)`：`layer` 是一个 `nn.Conv2d`，对形状为
   `input_shape = (N, C, H, W)` 的输入 `x`，返回 `layer(x)` 的输出形状
   `(N, out_channels, H_out, W_out)`（由 int 组成的元组）。请读取层自己的属性：
   `layer.in_channels`、`layer.out_channels`，以及 `layer.kernel_size`、`layer.stride`、
   `layer.padding`、`layer.dilation`——后四个即使用 int 创建，也都是（高, 宽）二元组。
   每个空间维度：`(size + 2*padding - dilation*(kernel - 1) - 1) // stride + 1`。
   如果 `C != layer.in_channels`，抛出 `ValueError`：这个层根本无法运行。
   （也可以在 `torch.empty(input_shape, device="meta")` 上运行这个层再读取形状，只要
   层可以在任意设备上，并且通道数不对时仍然抛出 ValueError。）

   笔记中的例子：(7, 3, 60, 60) 的输入经过 Conv2d(3, 10, 3, padding=1, stride=2)
   得到 (7, 10, 30, 30)：

       >>> conv_output_shape(nn.Conv2d(3, 10, 3, padding=1, stride=2), (7, 3, 60, 60))
       (7, 10, 30, 30)

Check your work / 检查：  learn check conv_layer_shapes
"""

from torch import nn


def conv_parameter_shapes(
    in_channels: int, out_channels: int, kernel_size: int | tuple[int, int], bias: bool = True
) -> dict[str, tuple[int, ...]]:
    # TODO: {"weight": (out, in, kH, kW)} plus "bias": (out,) when bias is True.
    # TODO：{"weight": (out, in, kH, kW)}，bias 为 True 时再加上 "bias": (out,)。
    raise NotImplementedError("conv_parameter_shapes")


def conv_parameter_count(
    in_channels: int, out_channels: int, kernel_size: int | tuple[int, int], bias: bool = True
) -> int:
    # TODO: out * in * kH * kW, plus out for the bias.
    # TODO：out * in * kH * kW，有偏置时再加 out。
    raise NotImplementedError("conv_parameter_count")


def conv_output_shape(layer: nn.Conv2d, input_shape: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    # TODO: check the channels, then apply the size formula to H and W with the layer's pairs.
    # TODO：先检查通道数，再用层的二元组属性对 H 和 W 套用尺寸公式。
    raise NotImplementedError("conv_output_shape")
