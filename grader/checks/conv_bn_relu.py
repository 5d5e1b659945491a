"""Checks for exercises/06_layers/conv_bn_relu.py.

Models are compared by what they registered (parameter and buffer names,
shapes) and by their outputs once every parameter is filled from the case's
seed, in training mode and in eval mode.
"""

from __future__ import annotations

from grader.checks import (
    TORCH_AND_DYNAMO,
    Suite,
    T,
    lazy,
    load_reference_weights,
    output_after_one_sgd_step,
    parameter_summary,
)

torch = lazy("torch")
nn = lazy("torch.nn")

suite = Suite("conv_bn_relu", names=("conv_bn_relu", "Bottleneck"), needs=TORCH_AND_DYNAMO)

NO_BIAS = T(
    "Create every convolution with bias=False: BatchNorm subtracts each channel's mean right after the "
    "convolution, so a conv bias is removed again and only adds parameters that never learn anything.",
    "每个卷积都要用 bias=False 创建：BatchNorm 紧接着会减去每个通道的平均值，卷积的 bias 又被抵消掉，"
    "只会多出一些什么也学不到的参数。",
)
INT_WIDTH = T(
    "The middle width must be an int: in_channel // 4. The notes' in_channel / 4 is a float (10.0), and "
    "nn.Conv2d / nn.BatchNorm2d refuse a float channel count.",
    "中间宽度必须是 int：in_channel // 4。笔记里的 in_channel / 4 是浮点数（10.0），"
    "nn.Conv2d 和 nn.BatchNorm2d 都不接受浮点数的通道数。",
)
MULTIPLE_OF_4 = T(
    "Check in_channel first: raise ValueError unless it is a positive multiple of 4 (in_channel // 4 would "
    "silently drop the remainder, or give a middle width of 0).",
    "先检查 in_channel：不是 4 的正整数倍时抛出 ValueError（否则 in_channel // 4 会悄悄丢掉余数，"
    "或者得到宽度为 0 的中间层）。",
)
ORDER = T(
    "The block is exactly [Conv2d, BatchNorm2d, ReLU] in this order: BatchNorm normalises the convolution's "
    "output, and ReLU comes last.",
    "这个模块恰好是 [Conv2d, BatchNorm2d, ReLU]，顺序不能变：BatchNorm 对卷积的输出做归一化，ReLU 放在最后。",
)


def structure(block) -> dict:
    return {
        "module types in order": [type(layer).__name__ for layer in block],
        "registered": parameter_summary(block),
        "buffers": sorted(name for name, _ in block.named_buffers()),
    }


def seeded(model, seed: int):
    load_reference_weights(model, seed)
    return model


@suite.case("conv_bn_relu(3, 16, 3, padding=1): Conv2d, BatchNorm2d, ReLU, no conv bias",
            "conv_bn_relu(3, 16, 3, padding=1)：Conv2d、BatchNorm2d、ReLU，卷积没有 bias", hint=ORDER)
def block_structure(m):
    return structure(m.conv_bn_relu(3, 16, 3, padding=1))


@suite.case("the block's convolution has no bias", "模块中的卷积没有 bias", hint=NO_BIAS)
def block_no_bias(m):
    return {"conv.bias is None": m.conv_bn_relu(8, 4, 1)[0].bias is None}


@suite.case("the block keeps H and W with kernel 3, padding 1, and shrinks them by 2 without padding",
            "卷积核 3、padding 1 时模块保持 H 和 W 不变，不填充时各减小 2",
            hint=T("Pass padding on to the convolution: nn.Conv2d(..., kernel_size, padding=padding, bias=False).",
                   "把 padding 传给卷积：nn.Conv2d(..., kernel_size, padding=padding, bias=False)。"))
def block_shapes(m):
    x = torch.randn(2, 3, 9, 7)
    return [list(m.conv_bn_relu(3, 5, 3, padding=1)(x).shape), list(m.conv_bn_relu(3, 5, 3)(x).shape)]


@suite.case("block output in training mode: ReLU of the batch-normalised convolution",
            "训练模式下模块的输出：经批归一化的卷积再做 ReLU", hint=ORDER)
def block_output(m):
    block = seeded(m.conv_bn_relu(3, 6, 3, padding=1), 650)
    return block(torch.randn(4, 3, 6, 6))


@suite.case("Bottleneck(40, 64): the notes' widths, with an int middle width of 10",
            "Bottleneck(40, 64)：笔记中的宽度，中间宽度为 int 10", hint=INT_WIDTH)
def bottleneck_structure(m):
    block = m.Bottleneck(40, 64)
    return {
        "registered": parameter_summary(block),
        "buffers": sorted(name for name, _ in block.named_buffers()),
    }


@suite.case("the smallest block: Bottleneck(4, 8) has a middle width of 1", "最小的模块：Bottleneck(4, 8) 的中间宽度为 1")
def bottleneck_smallest(m):
    block = m.Bottleneck(4, 8)
    return {"registered": parameter_summary(block), "output shape": list(block(torch.randn(2, 4, 3, 3)).shape)}


@suite.case("in_channel 42 (not a multiple of 4) raises ValueError", "in_channel 为 42（不是 4 的倍数）抛出 ValueError",
            hint=MULTIPLE_OF_4)
def not_multiple(m):
    return m.Bottleneck(42, 64)


@suite.case("in_channel 0 raises ValueError", "in_channel 为 0 时抛出 ValueError", hint=MULTIPLE_OF_4)
def zero_channels(m):
    return m.Bottleneck(0, 8)


@suite.case("in_channel 2 (middle width would be 0) raises ValueError", "in_channel 为 2（中间宽度会是 0）抛出 ValueError",
            hint=MULTIPLE_OF_4)
def two_channels(m):
    return m.Bottleneck(2, 8)


@suite.case("no convolution of the Bottleneck has a bias", "Bottleneck 中所有卷积都没有 bias", hint=NO_BIAS)
def bottleneck_no_bias(m):
    block = m.Bottleneck(16, 16)
    return {name: module.bias is None for name, module in block.named_modules() if isinstance(module, nn.Conv2d)}


@suite.case("Bottleneck forward in training mode keeps H and W: (3, 16, 7, 5) -> (3, 24, 7, 5)",
            "训练模式下 Bottleneck 的前向传播保持 H 和 W：(3, 16, 7, 5) -> (3, 24, 7, 5)",
            hint=T("layer2 needs kernel_size=3 AND padding=1 (the notes left out the kernel size).",
                   "layer2 需要 kernel_size=3 并且 padding=1（笔记漏写了卷积核尺寸）。"))
def bottleneck_train(m):
    block = seeded(m.Bottleneck(16, 24), 651)
    return block(torch.randn(3, 16, 7, 5))


@suite.case("after two training batches, eval mode uses the running statistics",
            "训练两批数据之后，评估模式使用 running 统计量")
def bottleneck_eval(m):
    block = seeded(m.Bottleneck(8, 8), 652)
    block.train()
    for _ in range(2):
        block(torch.randn(4, 8, 5, 5) * 3 + 1)
    block.eval()
    running = {name: buffer.clone() for name, buffer in block.named_buffers() if "running" in name}
    return {"eval output": block(torch.randn(2, 8, 5, 5)), **running}


@suite.case("one SGD step reaches every parameter", "一步 SGD 更新到所有参数")
def bottleneck_step(m):
    block = seeded(m.Bottleneck(8, 4), 653)
    x = torch.randn(4, 8, 3, 3)
    return output_after_one_sgd_step(block, x, torch.rand(4, 4, 3, 3))
