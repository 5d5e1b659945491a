"""Checks for exercises/05_convolution/adaptive_avg_pool.py.

Windows are compared as lists of pairs, pooled tensors value by value; inputs
are seeded in the probe so both runs pool the same numbers.
"""

from __future__ import annotations

import random

from grader.checks import Suite, T, lazy

torch = lazy("torch")

suite = Suite("adaptive_avg_pool", names=("adaptive_windows", "adaptive_avg_pool2d"))
suite.forbid(
    ["torch.nn.functional.adaptive_avg_pool2d", "torch.nn.functional.adaptive_avg_pool1d",
     "torch.nn.functional.adaptive_avg_pool3d", "torch.nn.AdaptiveAvgPool2d", "torch.nn.AdaptiveAvgPool1d",
     "torch.nn.AdaptiveAvgPool3d", "torch.adaptive_avg_pool1d", "torch.nn.functional.avg_pool2d",
     "torch.nn.AvgPool2d", "torch.avg_pool1d", "torch.nn.functional.interpolate", "torch.nn.modules.pooling",
     "torch.ops", "torch._C"],
    T("This exercise is the adaptive windows themselves: F.adaptive_avg_pool2d, nn.AdaptiveAvgPool2d and the other "
      "pooling functions compute them for you. Build the windows with adaptive_windows, slice x and take means.",
      "这道题要练的就是自适应窗口本身：F.adaptive_avg_pool2d、nn.AdaptiveAvgPool2d 和其他池化函数会替你算好。"
      "请用 adaptive_windows 得到窗口，对 x 切片后求平均。"),
)

CEIL_END = T(
    "The end of a window rounds UP: end = ceil((i + 1) * in_size / out_size), e.g. -(-(i + 1) * in_size // "
    "out_size). Rounding it down drops input values and, when out_size > in_size, gives empty windows.",
    "窗口的 end 要向上取整：end = ceil((i + 1) * in_size / out_size)，例如 -(-(i + 1) * in_size // out_size)。"
    "向下取整会丢掉一些输入值，out_size > in_size 时还会得到空窗口。",
)
SIZES_AT_LEAST_1 = T(
    "A size of 0 (or less) has no windows: raise ValueError when in_size < 1 or out_size < 1.",
    "尺寸为 0（或更小）时没有窗口：in_size < 1 或 out_size < 1 时抛出 ValueError。",
)


def windows_mistake(got, expected) -> T | None:
    """Name a wrong list of windows by comparing it with the expected one pair by pair."""
    if not isinstance(got, list) or not isinstance(expected, list) or len(got) != len(expected):
        return None
    pairs = [(list(g), list(e)) for g, e in zip(got, expected) if isinstance(g, (list, tuple)) and len(g) == 2]
    if len(pairs) != len(expected):
        return None
    if all(g[0] == e[0] for g, e in pairs) and any(g[1] == e[1] - 1 for g, e in pairs):
        return CEIL_END
    return None


def window_case(en: str, zh: str, in_size: int, out_size: int, hint: T | None = None):
    @suite.case(en, zh, diagnose=windows_mistake, hint=hint)
    def run(m):
        return [list(w) for w in m.adaptive_windows(in_size, out_size)]


window_case("10 into 5: plain windows of 2", "10 分成 5 份：普通的长度为 2 的窗口", 10, 5)
window_case("7 into 3: windows overlap", "7 分成 3 份：窗口相互重叠", 7, 3, hint=CEIL_END)
window_case("out_size equal to in_size (5): one value per window", "out_size 等于 in_size（5）：每个窗口一个值", 5, 5)
window_case("out_size larger than in_size (3 into 5): values are shared", "out_size 大于 in_size（3 分成 5 份）：值被共用",
            3, 5, hint=CEIL_END)
window_case("out_size 1: one window over everything (a global average)", "out_size 为 1：一个覆盖全部的窗口（全局平均）", 9, 1)
window_case("in_size 1 into 4: every window is (0, 1)", "in_size 为 1 分成 4 份：每个窗口都是 (0, 1)", 1, 4)


@suite.case("in_size 0 raises ValueError", "in_size 为 0 时抛出 ValueError", hint=SIZES_AT_LEAST_1)
def zero_in(m):
    return m.adaptive_windows(0, 2)


@suite.case("out_size 0 raises ValueError", "out_size 为 0 时抛出 ValueError", hint=SIZES_AT_LEAST_1)
def zero_out(m):
    return m.adaptive_windows(4, 0)


@suite.case("(2, 3, 13, 17) pooled to (4, 5)", "(2, 3, 13, 17) 池化为 (4, 5)")
def pool_pair(m):
    return m.adaptive_avg_pool2d(torch.randn(2, 3, 13, 17), (4, 5))


@suite.case("an int output_size (3) is used for height and width", "int 类型的 output_size（3）同时用于高和宽",
            hint=T("An int n means (n, n).", "一个 int n 表示 (n, n)。"))
def pool_int(m):
    return m.adaptive_avg_pool2d(torch.randn(1, 2, 8, 11), 3)


@suite.case("output_size 1 is the mean of each channel", "output_size 为 1 时就是每个通道的平均值")
def pool_global(m):
    return m.adaptive_avg_pool2d(torch.randn(3, 4, 6, 9), 1)


@suite.case("None keeps that dimension: (None, 3)", "None 保持该维度不变：(None, 3)",
            hint=T("Replace None by the input's own size before building the windows.",
                   "构造窗口之前，把 None 换成输入自身的尺寸。"))
def pool_none(m):
    return m.adaptive_avg_pool2d(torch.randn(2, 2, 5, 7), (None, 3))


@suite.case("output_size equal to the input size changes nothing", "output_size 等于输入尺寸时结果不变")
def pool_identity(m):
    return m.adaptive_avg_pool2d(torch.randn(1, 3, 4, 6), (4, 6))


@suite.case("a 3x3 input pooled to 5x5 (larger than the input)", "3x3 的输入池化为 5x5（比输入大）", hint=CEIL_END)
def pool_larger(m):
    return m.adaptive_avg_pool2d(torch.randn(2, 1, 3, 3), 5)


@suite.case("gradients flow back to x", "梯度能传回 x",
            hint=T("Stay with torch operations on x (slicing, mean, stack or cat): converting to NumPy or Python "
                   "numbers cuts the graph.",
                   "对 x 只用 torch 的运算（切片、mean、stack 或 cat）：转成 NumPy 或 Python 数字会切断计算图。"))
def pool_grad(m):
    x = torch.randn(2, 2, 7, 5, requires_grad=True)
    (m.adaptive_avg_pool2d(x, (3, 2)) * torch.arange(6.0).reshape(3, 2)).sum().backward()
    return x.grad


SWEEP = [
    (rng.randint(1, 12), rng.randint(1, 12), rng.randint(1, 8), rng.randint(1, 8))
    for rng in [random.Random(545)]
    for _ in range(30)
]


@suite.case("30 random input and output sizes", "30 组随机的输入和输出尺寸", points=2)
def sweep(m):
    generator = torch.Generator().manual_seed(545)
    return [m.adaptive_avg_pool2d(torch.randn(1, 2, h, w, generator=generator), (oh, ow)) for h, w, oh, ow in SWEEP]
