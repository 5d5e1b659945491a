"""Checks for exercises/05_convolution/padding_modes.py.

Sizes are plain ints compared with the reference's; the explicit convolution is
compared by its layers and by its output once its weights are seeded, next to
what nn.Conv2d(padding='same') gives with the same weights.
"""

from __future__ import annotations

import random
import warnings

from grader.checks import Suite, T, lazy, load_reference_weights

torch = lazy("torch")
nn = lazy("torch.nn")

suite = Suite("padding_modes", names=("same_padding", "output_size", "explicit_same_conv"))

EXTRA_RIGHT = T(
    "When the total d*(k-1) is odd, the extra zero goes on the RIGHT: left = total // 2, right = total - left "
    "(an even kernel 4 gives (1, 2)).",
    "当总数 d*(k-1) 为奇数时，多出的那个 0 补在右侧：left = total // 2，right = total - left"
    "（偶数尺寸 4 的卷积核得到 (1, 2)）。",
)
DILATED_SPAN = T(
    "A dilated kernel spans d*(k-1)+1 pixels, so 'same' needs d*(k-1) zeros in total, not k-1.",
    "带空洞的卷积核跨越 d*(k-1)+1 个像素，所以 'same' 总共需要 d*(k-1) 个 0，而不是 k-1 个。",
)
AT_LEAST_1 = T("kernel_size and dilation below 1 raise ValueError.", "kernel_size 和 dilation 小于 1 时抛出 ValueError。")
SAME_STRIDE = T(
    "padding='same' exists only for stride 1: with a stride the output cannot keep the input's size, and "
    "PyTorch refuses it. Raise ValueError.",
    "padding='same' 只适用于 stride 为 1：有步长时输出不可能保持输入的尺寸，PyTorch 会拒绝。请抛出 ValueError。",
)
BOTH_SIDES = T(
    "An int padding adds that many zeros on EACH side: 2 * padding in total.",
    "int 类型的 padding 在每一侧各补这么多个 0：总共 2 * padding 个。",
)
DOES_NOT_FIT = T(
    "When the kernel does not fit even once (its span is larger than the padded input), there is no output: raise "
    "ValueError, as nn.Conv2d does, instead of returning 0 or a negative size.",
    "卷积核一次也放不下时（它的跨度大于填充后的输入），就没有输出：要像 nn.Conv2d 一样抛出 ValueError，"
    "而不是返回 0 或负数。",
)


def pads(m, sizes):
    return [list(m.same_padding(k, d)) for k, d in sizes]


@suite.case("odd kernels 3 and 5: (1, 1) and (2, 2)", "奇数卷积核 3 和 5：(1, 1) 和 (2, 2)")
def odd_kernels(m):
    return pads(m, [(3, 1), (5, 1)])


@suite.case("even kernels 2 and 4: the extra zero on the right, (0, 1) and (1, 2)",
            "偶数卷积核 2 和 4：多出的 0 在右侧，(0, 1) 和 (1, 2)", hint=EXTRA_RIGHT)
def even_kernels(m):
    return pads(m, [(2, 1), (4, 1)])


@suite.case("kernel 1 needs no padding: (0, 0)", "卷积核 1 不需要填充：(0, 0)")
def kernel_one(m):
    return pads(m, [(1, 1), (1, 3)])


@suite.case("dilation: kernel 3 with dilation 2 -> (2, 2), kernel 4 with dilation 3 -> (4, 5)",
            "dilation：卷积核 3、dilation 2 -> (2, 2)；卷积核 4、dilation 3 -> (4, 5)", hint=DILATED_SPAN)
def dilated(m):
    return pads(m, [(3, 2), (4, 3)])


@suite.case("kernel_size 0 raises ValueError", "kernel_size 为 0 时抛出 ValueError", hint=AT_LEAST_1)
def kernel_zero(m):
    return m.same_padding(0)


@suite.case("dilation 0 raises ValueError", "dilation 为 0 时抛出 ValueError", hint=AT_LEAST_1)
def dilation_zero(m):
    return m.same_padding(3, 0)


@suite.case("the notes' 5x5 input and 3x3 kernel: 'valid' -> 3, 'same' -> 5, padding 1 -> 5",
            "笔记中的 5x5 输入和 3x3 卷积核：'valid' -> 3，'same' -> 5，padding 1 -> 5", hint=BOTH_SIDES)
def notes_sizes(m):
    return [m.output_size(5, 3, "valid"), m.output_size(5, 3, "same"), m.output_size(5, 3, 1)]


@suite.case("'same' keeps the size for even kernels and dilations too", "对偶数卷积核和带空洞的卷积，'same' 同样保持尺寸",
            hint=EXTRA_RIGHT)
def same_keeps(m):
    return [m.output_size(7, 4, "same"), m.output_size(8, 3, "same", dilation=3), m.output_size(1, 6, "same")]


@suite.case("an int padding with stride 2: 60, kernel 3, padding 1 -> 30", "int 类型的 padding 配 stride 2：60、卷积核 3、padding 1 -> 30",
            hint=BOTH_SIDES)
def int_padding(m):
    return m.output_size(60, 3, 1, stride=2)


@suite.case("'valid' with stride 2 and dilation 2", "'valid' 配 stride 2 和 dilation 2", hint=DILATED_SPAN)
def valid_strided(m):
    return [m.output_size(32, 3, "valid", stride=2, dilation=2), m.output_size(9, 2, "valid", stride=3)]


@suite.case("'same' with stride 2 raises ValueError", "'same' 配 stride 2 抛出 ValueError", hint=SAME_STRIDE)
def same_strided(m):
    return m.output_size(32, 3, "same", stride=2)


@suite.case("another string ('full') raises ValueError", "其他字符串（'full'）抛出 ValueError",
            hint=T("Only 'valid' and 'same' are padding strings; raise ValueError for any other.",
                   "padding 字符串只有 'valid' 和 'same'；其他字符串都要抛出 ValueError。"))
def other_string(m):
    return m.output_size(10, 3, "full")


@suite.case("'valid' with a kernel exactly as large as the input: 1", "'valid'、卷积核与输入一样大：1")
def exact_fit(m):
    return [m.output_size(7, 7, "valid"), m.output_size(5, 3, "valid", dilation=2)]


@suite.case("'valid' with a kernel larger than the input raises ValueError", "'valid'、卷积核比输入大：抛出 ValueError",
            hint=DOES_NOT_FIT)
def too_small(m):
    return m.output_size(2, 3, "valid")


@suite.case("a dilated kernel that does not fit (span 5 in 4) raises ValueError",
            "放不下的带空洞卷积核（跨度 5，输入 4）抛出 ValueError", hint=DOES_NOT_FIT)
def dilated_too_small(m):
    return m.output_size(4, 3, 0, dilation=2)


SWEEP = [
    (rng.randint(1, 40), rng.randint(1, 6), rng.choice(["valid", "same", 0, 1, 2]), rng.randint(1, 3), rng.randint(1, 3))
    for rng in [random.Random(555)]
    for _ in range(400)
]
SWEEP = [(s, k, p, st if p != "same" else 1, d) for s, k, p, st, d in SWEEP
         if s + (2 * p if isinstance(p, int) else d * (k - 1) if p == "same" else 0) >= d * (k - 1) + 1][:120]


@suite.case("120 random sizes, kernels, paddings, strides and dilations", "120 组随机的尺寸、卷积核、padding、stride 和 dilation",
            points=2)
def sweep(m):
    return [m.output_size(s, k, p, stride=st, dilation=d) for s, k, p, st, d in SWEEP]


def same_conv_result(m, in_channels: int, out_channels: int, kernel_size: int, dilation: int, seed: int):
    explicit = m.explicit_same_conv(in_channels, out_channels, kernel_size, dilation)
    load_reference_weights(explicit, seed)
    x = torch.randn(2, in_channels, 9, 8)
    layers = list(explicit)
    pad = next((layer for layer in layers if isinstance(layer, nn.ZeroPad2d)), None)
    conv = next((layer for layer in layers if isinstance(layer, nn.Conv2d)), None)
    if conv is None:  # nothing to compare with nn.Conv2d(padding='same'): the layer types show what is missing
        return {"layer types": [type(layer).__name__ for layer in layers]}
    reference = nn.Conv2d(in_channels, out_channels, kernel_size, padding="same", dilation=dilation)
    with torch.no_grad(), warnings.catch_warnings():
        # 'same' with an even kernel warns that it copies the input: a note for PyTorch users, not for the learner
        warnings.simplefilter("ignore")
        reference.weight.copy_(conv.weight)
        reference.bias.copy_(conv.bias)
        output = explicit(x)
        same = reference(x)
    return {
        "layer types": [type(layer).__name__ for layer in layers],
        "ZeroPad2d padding (left, right, top, bottom)": list(pad.padding) if pad is not None else None,
        "Conv2d padding": list(conv.padding),
        "output": output,
        "what nn.Conv2d(padding='same') gives with the same weights": same,
    }


@suite.case("explicit_same_conv(3, 8, 4): ZeroPad2d((1, 2, 1, 2)) then Conv2d(padding=0), equal to padding='same'",
            "explicit_same_conv(3, 8, 4)：ZeroPad2d((1, 2, 1, 2)) 再接 Conv2d(padding=0)，与 padding='same' 相同",
            hint=T("All the zeros come from the ZeroPad2d, (left, right, top, bottom); the Conv2d itself pads nothing "
                   "(padding=0), or the output grows.",
                   "所有的 0 都由 ZeroPad2d 补上，顺序为 (left, right, top, bottom)；Conv2d 自己不再填充（padding=0），"
                   "否则输出会变大。"))
def explicit_even(m):
    return same_conv_result(m, 3, 8, 4, 1, 556)


@suite.case("explicit_same_conv(2, 4, 3, dilation=2): ZeroPad2d((2, 2, 2, 2))",
            "explicit_same_conv(2, 4, 3, dilation=2)：ZeroPad2d((2, 2, 2, 2))",
            hint=T("Pass dilation on to nn.Conv2d as well as to same_padding.",
                   "dilation 既要传给 same_padding，也要传给 nn.Conv2d。"))
def explicit_dilated(m):
    return same_conv_result(m, 2, 4, 3, 2, 557)
