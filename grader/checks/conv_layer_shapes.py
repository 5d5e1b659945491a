"""Checks for exercises/05_convolution/conv_layer_shapes.py."""

from __future__ import annotations

import random

from grader.checks import SENTENCES, Suite, T, lazy

torch = lazy("torch")
nn = lazy("torch.nn")

suite = Suite("conv_layer_shapes", names=("conv_parameter_shapes", "conv_parameter_count", "conv_output_shape"))


def pair(k):
    return (k, k) if isinstance(k, int) else tuple(k)


def sweep_diagnose(params_list, factory, describe):
    """Name the first wrong item of a sweep, and its mistake when the item's own diagnose knows it."""

    def diagnose(got, expected):
        if not isinstance(got, list) or not isinstance(expected, list) or len(got) != len(expected):
            return None
        for params, mine, theirs in zip(params_list, got, expected):
            if mine != theirs:
                first = T(f"First wrong: {describe(params)}.", f"第一个出错的是：{describe(params)}。")
                named = factory(params)(mine, theirs)
                return SENTENCES.join([first, named]) if named else first
        return None

    return diagnose


def layer_text(args: dict) -> str:
    return "Conv2d(" + ", ".join(f"{key}={value}" for key, value in args.items()) + ")"


# ---- parameter shapes ---------------------------------------------------------


def shapes_view(shapes) -> dict:
    """The learner's dict, made comparable: which entries exist, and each shape as a list of ints."""
    entries = sorted(shapes.keys(), key=str)
    return {
        "entries": entries,
        "weight": list(shapes["weight"]) if "weight" in shapes else None,
        "bias": list(shapes["bias"]) if "bias" in shapes else None,
    }


def shape_mistake(params):
    in_c, out_c, k, bias = params
    kh, kw = pair(k)

    def diagnose(got, expected):
        if not isinstance(got, dict):
            return None
        weight = got.get("weight")
        if weight == [in_c, out_c, kh, kw] and in_c != out_c:
            return T("in and out are swapped: the weight is (out_channels, in_channels, kH, kW), one kernel per OUTPUT "
                     "channel.",
                     "输入和输出通道的位置反了：weight 是 (out_channels, in_channels, kH, kW)，每个“输出”通道一个卷积核。")
        if weight == [out_c, in_c, kw, kh] and kh != kw:
            return T("kH and kW are swapped: a kernel_size pair is (height, width).",
                     "kH 和 kW 反了：kernel_size 二元组是 (高, 宽)。")
        if got.get("bias") == [in_c] and in_c != out_c:
            return T("The bias has one value per OUTPUT channel: (out_channels,).", "偏置每个“输出”通道一个值：(out_channels,)。")
        if not bias and "bias" in (got.get("entries") or []):
            return T("With bias=False the layer has no bias parameter: leave the 'bias' key out.",
                     "bias=False 时这个层没有偏置参数：字典里不要有 'bias' 键。")
        return None

    return diagnose


def shapes_case(en: str, zh: str, in_c: int, out_c: int, k, bias: bool = True):
    @suite.case(en, zh, diagnose=shape_mistake((in_c, out_c, k, bias)))
    def run(m):
        return shapes_view(m.conv_parameter_shapes(in_c, out_c, k, bias=bias))


shapes_case("the notes' Conv2d(3, 10, 3): weight (10, 3, 3, 3), bias (10,)",
            "笔记中的 Conv2d(3, 10, 3)：weight (10, 3, 3, 3)，bias (10,)", 3, 10, 3)
shapes_case("bias=False: only a weight", "bias=False：只有 weight", 16, 8, 5, bias=False)
shapes_case("a (3, 5) kernel_size pair is (height, width)", "kernel_size 二元组 (3, 5) 是（高, 宽）", 2, 4, (3, 5))

SHAPE_SWEEP = [(rng.randint(1, 64), rng.randint(1, 64), rng.choice([1, 3, 5, 7, (1, 3), (5, 2)]), rng.random() < 0.7)
               for rng in [random.Random(550)] for _ in range(25)]


@suite.case("parameter shapes match nn.Conv2d's for 25 layers", "25 个层的参数形状都与 nn.Conv2d 一致",
            diagnose=sweep_diagnose(SHAPE_SWEEP, shape_mistake, lambda p: f"Conv2d({p[0]}, {p[1]}, {p[2]}, bias={p[3]})"))
def shapes_sweep(m):
    return [shapes_view(m.conv_parameter_shapes(i, o, k, bias=b)) for i, o, k, b in SHAPE_SWEEP]


# ---- parameter counts ---------------------------------------------------------


def count_mistake(params):
    in_c, out_c, k, bias = params
    kh, kw = pair(k)
    weights = in_c * out_c * kh * kw

    def diagnose(got, expected):
        if type(got) is not int or got == expected:
            return None
        if bias and got == weights:
            return T("The bias is missing from your count: each output channel also has one bias value (+ out_channels).",
                     "你的计数漏掉了偏置：每个输出通道还有一个偏置值（+ out_channels）。")
        if bias and got == weights + in_c:
            return T("The bias has out_channels values, not in_channels.", "偏置有 out_channels 个值，而不是 in_channels 个。")
        if got in (in_c * out_c * kh + (out_c if bias else 0), in_c * out_c * (kh + kw) + (out_c if bias else 0)):
            return T("A kernel has kH * kW weights per input channel: multiply the two kernel sizes.",
                     "每个卷积核在每个输入通道上有 kH * kW 个权重：两个尺寸要相乘。")
        if not bias and got == weights + out_c:
            return T("With bias=False there is no bias to count.", "bias=False 时没有偏置需要计数。")
        if got == out_c * kh * kw + (out_c if bias else 0):
            return T("Each kernel spans every input channel: the weight count is out * in * kH * kW.",
                     "每个卷积核覆盖所有输入通道：权重个数是 out * in * kH * kW。")
        return None

    return diagnose


def count_case(en: str, zh: str, in_c: int, out_c: int, k, bias: bool = True):
    @suite.case(en, zh, diagnose=count_mistake((in_c, out_c, k, bias)))
    def run(m):
        return m.conv_parameter_count(in_c, out_c, k, bias=bias)


count_case("the notes' Conv2d(3, 10, 3) has 280 parameters", "笔记中的 Conv2d(3, 10, 3) 有 280 个参数", 3, 10, 3)
count_case("Conv2d(16, 8, 5, bias=False) has 3200 parameters", "Conv2d(16, 8, 5, bias=False) 有 3200 个参数", 16, 8, 5, False)


@suite.case("the CIFAR net's three conv layers: 2432, 25632 and 51264 parameters",
            "CIFAR 网络的三个卷积层：2432、25632 和 51264 个参数")
def cifar_counts(m):
    return [m.conv_parameter_count(i, o, 5) for i, o in ((3, 32), (32, 32), (32, 64))]


@suite.case("parameter counts match sum(p.numel()) of nn.Conv2d for 25 layers",
            "25 个层的参数个数都与 nn.Conv2d 的 sum(p.numel()) 一致",
            diagnose=sweep_diagnose(SHAPE_SWEEP, count_mistake, lambda p: f"Conv2d({p[0]}, {p[1]}, {p[2]}, bias={p[3]})"))
def count_sweep(m):
    return [m.conv_parameter_count(i, o, k, bias=b) for i, o, k, b in SHAPE_SWEEP]


# ---- output shape -------------------------------------------------------------


def output_mistake(layer_args: dict, input_shape):
    _n, c, h, w = input_shape
    out_c = layer_args["out_channels"]
    k = pair(layer_args["kernel_size"])
    s = pair(layer_args.get("stride", 1))
    p = pair(layer_args.get("padding", 0))
    d = pair(layer_args.get("dilation", 1))

    def sizes(use_stride=True, use_padding=True, use_dilation=True, axes=(0, 1)):
        out = []
        for size, a in zip((h, w), axes):
            st, pa, di = (s[a] if use_stride else 1), (p[a] if use_padding else 0), (d[a] if use_dilation else 1)
            out.append((size + 2 * pa - di * (k[a] - 1) - 1) // st + 1)
        return out

    def diagnose(got, expected):
        if not isinstance(got, list) or len(got) != 4 or got == expected:
            return None
        if got[1] == c and c != out_c:
            return T("The second dimension is the layer's out_channels, not the input's channels.",
                     "第二个维度是层的 out_channels，而不是输入的通道数。")
        spatial = got[2:]
        if spatial == expected[2:]:
            return None
        if spatial == sizes(axes=(0, 0)) or spatial == sizes(axes=(1, 1)):
            return T("kernel_size, stride, padding and dilation are (height, width) pairs: use [0] for H and [1] for W.",
                     "kernel_size、stride、padding、dilation 都是（高, 宽）二元组：H 用 [0]，W 用 [1]。")
        if spatial == sizes(use_stride=False):
            return T("The stride is missing: divide by layer.stride before adding 1.", "漏掉了 stride：加 1 之前要除以 layer.stride。")
        if spatial == sizes(use_padding=False):
            return T("The padding is missing: add 2 * layer.padding to the size.", "漏掉了 padding：尺寸要加上 2 * layer.padding。")
        if spatial == sizes(use_dilation=False):
            return T("Dilation is ignored: a dilated kernel spans dilation * (kernel - 1) + 1 pixels.",
                     "你忽略了 dilation：带空洞的卷积核跨越 dilation * (kernel - 1) + 1 个像素。")
        return None

    return diagnose


def output_case(en: str, zh: str, layer_args: dict, input_shape, hint: T | None = None):
    @suite.case(en, zh, hint=hint, diagnose=output_mistake(layer_args, input_shape))
    def run(m):
        return list(m.conv_output_shape(nn.Conv2d(**layer_args), tuple(input_shape)))


output_case("the notes' (7, 3, 60, 60) through Conv2d(3, 10, 3, padding=1, stride=2) -> (7, 10, 30, 30)",
            "笔记中的 (7, 3, 60, 60) 经过 Conv2d(3, 10, 3, padding=1, stride=2) -> (7, 10, 30, 30)",
            {"in_channels": 3, "out_channels": 10, "kernel_size": 3, "padding": 1, "stride": 2}, (7, 3, 60, 60))
output_case("the CIFAR net's Conv2d(3, 32, 5, padding=2) keeps 32x32", "CIFAR 网络的 Conv2d(3, 32, 5, padding=2) 保持 32x32",
            {"in_channels": 3, "out_channels": 32, "kernel_size": 5, "padding": 2}, (64, 3, 32, 32))
output_case("the MNIST net's Conv2d(1, 10, 5) on 28x28 -> 24x24", "MNIST 网络的 Conv2d(1, 10, 5) 作用在 28x28 上 -> 24x24",
            {"in_channels": 1, "out_channels": 10, "kernel_size": 5}, (64, 1, 28, 28))
output_case("different settings for height and width", "高和宽使用不同的设置",
            {"in_channels": 2, "out_channels": 4, "kernel_size": (3, 5), "stride": (2, 1), "padding": (1, 2),
             "dilation": (1, 2)}, (1, 2, 9, 11),
            hint=T("Use layer.kernel_size[0], layer.stride[0], ... for H and [1] for W.",
                   "H 用 layer.kernel_size[0]、layer.stride[0] 等，W 用 [1]。"))


@suite.case("the wrong number of input channels raises ValueError", "输入通道数不对时抛出 ValueError",
            hint=T("if input_shape[1] != layer.in_channels: raise ValueError(...)",
                   "if input_shape[1] != layer.in_channels: raise ValueError(...)"))
def wrong_channels(m):
    return m.conv_output_shape(nn.Conv2d(3, 10, 3), (7, 1, 60, 60))


@suite.case("works for a layer on the meta device", "层在 meta 设备上时也能工作",
            hint=T("Read the layer's attributes, or run it on torch.empty(input_shape, device=layer.weight.device).",
                   "读取层的属性，或者在 torch.empty(input_shape, device=layer.weight.device) 上运行它。"))
def meta_layer(m):
    return list(m.conv_output_shape(nn.Conv2d(3, 8, 3, stride=2).to("meta"), (2, 3, 17, 16)))


def sweep_input(args: dict) -> tuple[int, int, int, int]:
    return (2, args["in_channels"], 23, 20)


OUTPUT_SWEEP = [
    dict(in_channels=rng.randint(1, 8), out_channels=rng.randint(1, 16), kernel_size=rng.choice([1, 2, 3, 5, (3, 1)]),
         stride=rng.choice([1, 2, 3, (2, 1)]), padding=rng.choice([0, 1, 2, (0, 1)]), dilation=rng.choice([1, 1, 2]))
    for rng in [random.Random(5500)] for _ in range(30)
]


@suite.case("output shapes match running the layer, for 30 layers", "30 个层的输出形状都与实际运行层的结果一致",
            diagnose=sweep_diagnose(OUTPUT_SWEEP, lambda args: output_mistake(args, sweep_input(args)),
                                    lambda args: f"{layer_text(args)} on {sweep_input(args)}"))
def output_sweep(m):
    return [list(m.conv_output_shape(nn.Conv2d(**args), sweep_input(args))) for args in OUTPUT_SWEEP]
