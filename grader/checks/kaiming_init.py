"""Checks for exercises/06_layers/kaiming_init.py.

Every answer is a plain number (or a pair of them): compared for equality with
the reference's. Diagnoses name a wrong answer by its ratio to the expected one,
so this module holds no correct formula.
"""

from __future__ import annotations

import math
import random

from grader.checks import SENTENCES, Suite, T

suite = Suite("kaiming_init", names=("compute_fans", "gain_for", "kaiming_std", "kaiming_bound"))
suite.forbid(
    ["torch.nn.init.calculate_gain", "torch.nn.init._calculate_fan_in_and_fan_out",
     "torch.nn.init._calculate_correct_fan", "torch.nn.init.kaiming_uniform_", "torch.nn.init.kaiming_normal_",
     "torch.nn.init.kaiming_uniform", "torch.nn.init.kaiming_normal"],
    T("This exercise is the arithmetic behind nn.init: calculate_gain, the fan helpers and kaiming_*_ do it for "
      "you. Compute the fans from the shape and the gain from the table with plain Python (math is allowed).",
      "这道题要练的就是 nn.init 背后的计算：calculate_gain、计算 fan 的辅助函数和 kaiming_*_ 会替你算好。"
      "请用普通的 Python 从形状算出 fan，从表中得到 gain（可以用 math）。"),
)

NOTES_LINEAR = (512, 784)  # the weight of the notes' nn.Linear(784, 512)
CONV = (64, 3, 3, 3)  # a Conv2d(3, 64, kernel_size=3) weight

GAIN_NAMES = ("linear", "conv1d", "conv2d", "conv3d", "sigmoid", "tanh", "relu", "leaky_relu")

FANS_SWAPPED = T(
    "fan_in and fan_out are swapped: a weight is stored (out, in, ...), so fan_in comes from shape[1] and "
    "fan_out from shape[0].",
    "fan_in 和 fan_out 弄反了：权重按 (out, in, ...) 存放，所以 fan_in 来自 shape[1]，fan_out 来自 shape[0]。",
)
NO_RECEPTIVE_FIELD = T(
    "The kernel is missing: each of the k1 * k2 * ... kernel positions connects one more input per channel, so "
    "multiply both fans by the product of shape[2:].",
    "漏掉了卷积核：卷积核的 k1 * k2 * ... 个位置中，每个位置都让每个通道多连接一个输入，所以两个 fan 都要乘以 "
    "shape[2:] 的乘积。",
)
NO_FANS = T(
    "A shape with fewer than 2 dimensions (a bias) has no fan-in and fan-out: raise ValueError, as "
    "nn.init does.",
    "少于 2 维的形状（例如 bias）没有 fan-in 和 fan-out：要像 nn.init 一样抛出 ValueError。",
)

#: ways a wrong std or bound relates to the expected one: (ratio got / expected, explanation)
RATIO_MISTAKES = (
    (math.sqrt(3.0), T("Your std is sqrt(3) times too large: that is the uniform bound, not the std.",
                       "你的 std 大了 sqrt(3) 倍：那是均匀分布的 bound，不是 std。")),
    (1 / math.sqrt(3.0), T("Your bound is sqrt(3) times too small: U(-b, b) has std b / sqrt(3), so "
                           "b = sqrt(3) * std.",
                           "你的 bound 小了 sqrt(3) 倍：U(-b, b) 的标准差是 b / sqrt(3)，所以 b = sqrt(3) * std。")),
)


def fans_mistake(got, expected) -> T | None:
    if not isinstance(got, (list, tuple)) or not isinstance(expected, (list, tuple)) or len(got) != 2:
        return None
    if list(got) == list(expected)[::-1]:
        return FANS_SWAPPED
    return NO_RECEPTIVE_FIELD if all(type(v) is int for v in got) and got[0] < expected[0] else None


def ratio_mistake(got, expected) -> T | None:
    """Name a wrong std/bound by how far off it is (a list of them: the first that differs)."""
    if isinstance(got, (list, tuple)) and isinstance(expected, (list, tuple)) and len(got) == len(expected):
        for mine, theirs in zip(got, expected):
            named = ratio_mistake(mine, theirs)
            if named:
                return named
        return None
    if type(got) not in (int, float) or type(expected) is not float or not expected or not got:
        return None
    ratio = got / expected
    for factor, explanation in RATIO_MISTAKES:
        if abs(ratio / factor - 1) < 1e-6:
            return explanation
    if abs(ratio ** 2 - round(ratio ** 2)) < 1e-6 or abs(ratio - round(ratio)) < 1e-6:
        return T("Your value is off by a constant factor such as sqrt(2) or 2: std = gain / sqrt(fan), with the "
                 "square root on the fan and no square on the gain.",
                 "你的结果与正确值相差一个常数倍（例如 sqrt(2) 或 2）：std = gain / sqrt(fan)，开方的是 fan，"
                 "gain 不用平方。")
    return None


@suite.case("the notes' Linear(784, 512): weight (512, 784) has fan_in 784 and fan_out 512",
            "笔记中的 Linear(784, 512)：权重 (512, 784) 的 fan_in 为 784，fan_out 为 512", diagnose=fans_mistake,
            hint=T("A Linear weight is (out_features, in_features).", "Linear 的权重是 (out_features, in_features)。"))
def fans_linear(m):
    return m.compute_fans(NOTES_LINEAR)


@suite.case("a Conv2d(3, 64, 3) weight (64, 3, 3, 3) has fan_in 27 and fan_out 576",
            "Conv2d(3, 64, 3) 的权重 (64, 3, 3, 3) 的 fan_in 为 27，fan_out 为 576", diagnose=fans_mistake,
            hint=NO_RECEPTIVE_FIELD)
def fans_conv(m):
    return m.compute_fans(CONV)


@suite.case("the smallest weight with fans: shape (1, 1) -> (1, 1)", "最小的有 fan 的权重：形状 (1, 1) -> (1, 1)",
            diagnose=fans_mistake)
def fans_smallest(m):
    return m.compute_fans((1, 1))


@suite.case("Conv1d (8, 4, 5) and Conv3d (6, 2, 3, 4, 5) weights", "Conv1d (8, 4, 5) 和 Conv3d (6, 2, 3, 4, 5) 的权重",
            hint=NO_RECEPTIVE_FIELD)
def fans_other_convs(m):
    return [m.compute_fans((8, 4, 5)), m.compute_fans((6, 2, 3, 4, 5))]


@suite.case("a bias of shape (512,) has no fans: ValueError", "形状为 (512,) 的 bias 没有 fan：ValueError", hint=NO_FANS)
def fans_bias(m):
    return m.compute_fans((512,))


@suite.case("a 0-dimensional shape () has no fans either: ValueError", "0 维形状 () 也没有 fan：ValueError", hint=NO_FANS)
def fans_scalar(m):
    return m.compute_fans(())


@suite.case("the gain of every name in the table", "表中每个名字的 gain",
            hint=T("relu: sqrt(2); tanh: 5/3; linear, the convolutions and sigmoid: 1; leaky_relu with a = 0: "
                   "sqrt(2 / (1 + 0)).",
                   "relu：sqrt(2)；tanh：5/3；linear、各卷积和 sigmoid：1；a = 0 的 leaky_relu：sqrt(2 / (1 + 0))。"))
def gains(m):
    return {name: m.gain_for(name) for name in GAIN_NAMES}


@suite.case("leaky_relu's gain follows its slope: a = 0, 0.2, 1 and 5",
            "leaky_relu 的 gain 随斜率变化：a = 0、0.2、1 和 5",
            hint=T("gain = sqrt(2 / (1 + a**2)): a = 0 is a ReLU (sqrt(2)), a = 1 is the identity (1).",
                   "gain = sqrt(2 / (1 + a**2))：a = 0 就是 ReLU（sqrt(2)），a = 1 就是恒等映射（1）。"))
def leaky_gains(m):
    return [m.gain_for("leaky_relu", a) for a in (0.0, 0.2, 1.0, 5.0)]


@suite.case("an unknown nonlinearity ('softmax') raises ValueError", "未知的非线性函数（'softmax'）抛出 ValueError",
            hint=T("Raise ValueError for any name outside the table instead of returning a default.",
                   "对表外的任何名字都要抛出 ValueError，而不是返回一个默认值。"))
def unknown_gain(m):
    return m.gain_for("softmax")


@suite.case("the notes' defaults on Linear(784, 512): std = sqrt(2) / sqrt(784)",
            "笔记的默认参数用于 Linear(784, 512)：std = sqrt(2) / sqrt(784)", diagnose=ratio_mistake)
def std_defaults(m):
    return m.kaiming_std(NOTES_LINEAR)


@suite.case("mode='fan_out' on a Conv2d weight with relu", "Conv2d 权重、relu、mode='fan_out'", diagnose=ratio_mistake,
            hint=T("mode picks the fan: fan_out keeps the variance of the gradients in the backward pass.",
                   "mode 决定用哪个 fan：fan_out 让反向传播中梯度的方差保持不变。"))
def std_fan_out(m):
    return m.kaiming_std(CONV, mode="fan_out", nonlinearity="relu")


@suite.case("a mode other than fan_in / fan_out ('fan_avg') raises ValueError",
            "fan_in / fan_out 以外的 mode（'fan_avg'）抛出 ValueError",
            hint=T("Check mode before using it: only \"fan_in\" and \"fan_out\" exist.",
                   "使用 mode 之前先检查它：只有 \"fan_in\" 和 \"fan_out\" 两种。"))
def std_bad_mode(m):
    return m.kaiming_std(CONV, mode="fan_avg")


@suite.case("kaiming_bound is sqrt(3) times the std (notes' Linear, a Conv2d with a = 0.2)",
            "kaiming_bound 是 std 的 sqrt(3) 倍（笔记中的 Linear，a = 0.2 的 Conv2d）", diagnose=ratio_mistake)
def bounds(m):
    return [m.kaiming_bound(NOTES_LINEAR), m.kaiming_bound(CONV, a=0.2)]


@suite.case("kaiming_bound of a bias raises ValueError too", "bias 的 kaiming_bound 同样抛出 ValueError", hint=NO_FANS)
def bound_bias(m):
    return m.kaiming_bound((10,))


#: shapes, slopes, modes and nonlinearities from a fixed generator
SWEEP = [
    (tuple(rng.randint(1, 9) for _ in range(rng.randint(2, 5))), rng.choice((0.0, 0.01, 0.2, 1.0)),
     rng.choice(("fan_in", "fan_out")), rng.choice(GAIN_NAMES))
    for rng in [random.Random(642)]
    for _ in range(60)
]


def sweep_mistake(got, expected) -> T | None:
    if not isinstance(got, list) or not isinstance(expected, list) or len(got) != len(expected):
        return None
    for (shape, a, mode, name), mine, theirs in zip(SWEEP, got, expected):
        if mine != theirs and not (isinstance(mine, list) and isinstance(theirs, list) and all(
                type(x) in (int, float) and abs(x - y) <= 1e-5 + 1e-4 * abs(y) for x, y in zip(mine, theirs))):
            first = T(f"First wrong: shape={shape}, a={a}, mode={mode!r}, nonlinearity={name!r}.",
                      f"第一个出错的是：shape={shape}, a={a}, mode={mode!r}, nonlinearity={name!r}。")
            named = ratio_mistake(mine, theirs)
            return SENTENCES.join([first, named]) if named else first
    return None


@suite.case("60 random shapes, slopes, modes and nonlinearities: [std, bound] each",
            "60 组随机的形状、斜率、mode 和非线性函数：每组 [std, bound]", points=2, diagnose=sweep_mistake)
def sweep(m):
    return [[m.kaiming_std(shape, a, mode, name), m.kaiming_bound(shape, a, mode, name)]
            for shape, a, mode, name in SWEEP]
