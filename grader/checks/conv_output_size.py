"""Checks for exercises/05_convolution/conv_output_size.py."""

from __future__ import annotations

import random

from grader.checks import Suite, T, only_matching_mistake, verified_sweep_diagnosis

suite = Suite("conv_output_size", names=("conv_output_size",))


# Each known mistake, as the formula a learner would have written instead.
MISTAKES = (
    (lambda s, k, st, p, d: (s + 2 * p - d * (k - 1) - 1) // st,
     T("You forgot the +1: a kernel that fits once still gives one output.",
       "你漏掉了 +1：卷积核哪怕只放得下一次，也会得到一个输出。")),
    (lambda s, k, st, p, d: (s - d * (k - 1) - 1) // st + 1,
     T("The padding is missing from your formula.", "你的公式里漏掉了 padding。")),
    (lambda s, k, st, p, d: (s + p - d * (k - 1) - 1) // st + 1,
     T("Padding is added on both sides: use 2 * padding.", "padding 会加在两侧：应为 2 * padding。")),
    (lambda s, k, st, p, d: (s + 2 * p - (k - 1) - 1) // st + 1,
     T("Dilation is ignored: a dilated kernel spans dilation * (kernel_size - 1) + 1 pixels.",
       "你忽略了 dilation：带空洞的卷积核跨越 dilation * (kernel_size - 1) + 1 个像素。")),
    (lambda s, k, st, p, d: -(-(s + 2 * p - d * (k - 1) - 1) // st) + 1,
     T("You rounded up; Conv2d rounds down (floor), so use //.",
       "你向上取整了；Conv2d 是向下取整（floor），请用 //。")),
    (lambda s, k, st, p, d: (s + 2 * p - k) // st + 1 if d == 1 else (s + 2 * p - d * k) // st + 1,
     T("A dilated kernel spans dilation * (kernel_size - 1) + 1 pixels, not dilation * kernel_size.",
       "带空洞的卷积核跨越 dilation * (kernel_size - 1) + 1 个像素，而不是 dilation * kernel_size。")),
)


def name_mistake(got: object, params: tuple[int, int, int, int, int]) -> T | None:
    """The one known mistake that reproduces the learner's (already wrong) answer, if only one does.

    The judge diagnoses only answers that differ from the reference's, so the
    correct formula never appears in this module, which learner code could import.
    """
    return only_matching_mistake(MISTAKES, got, params)


def size_case(en: str, zh: str, size: int, kernel_size: int, stride: int = 1, padding: int = 0, dilation: int = 1):
    params = (size, kernel_size, stride, padding, dilation)

    @suite.case(en, zh, diagnose=lambda got, expected: name_mistake(got, params))
    def run(m):
        return m.conv_output_size(size, kernel_size, stride=stride, padding=padding, dilation=dilation)


size_case("the notes' 5x5 input, 3x3 kernel, stride 1 -> 3", "笔记中的 5x5 输入、3x3 卷积核、stride=1 -> 3", 5, 3)
size_case("the notes' 5x5 input, 3x3 kernel, stride 2 -> 2", "笔记中的 5x5 输入、3x3 卷积核、stride=2 -> 2", 5, 3, stride=2)
size_case("padding 1 keeps the 5x5 size", "padding=1 保持 5x5 尺寸不变", 5, 3, padding=1)
size_case("the notes' 60x60 input, kernel 3, padding 1, stride 2 -> 30",
          "笔记中的 60x60 输入、卷积核 3、padding=1、stride=2 -> 30", 60, 3, stride=2, padding=1)
size_case("dilation 2 spreads a 3x3 kernel over 5 pixels", "dilation=2 让 3x3 卷积核覆盖 5 个像素", 28, 3, dilation=2)
size_case("a stride that does not divide evenly rounds down", "不能整除的 stride 向下取整", 32, 5, stride=3)
size_case("a kernel exactly as large as the input -> 1", "卷积核与输入一样大 -> 1", 7, 7)
size_case("a 1x1 kernel with padding grows the output", "带 padding 的 1x1 卷积核会让输出变大", 10, 1, padding=2)

# A broad sweep: every parameter at once, drawn from a fixed generator so the
# judge can name the first combination that differs.
SWEEP = [
    (s, k, st, p, d)
    for s, k, st, p, d in (
        (rng.randint(1, 64), rng.randint(1, 7), rng.randint(1, 4), rng.randint(0, 3), rng.randint(1, 3))
        for rng in [random.Random(2024)]
        for _ in range(400)
    )
    if s + 2 * p >= d * (k - 1) + 1
][:150]


sweep_mistake = verified_sweep_diagnosis(
    SWEEP, lambda p: "size={}, kernel_size={}, stride={}, padding={}, dilation={}".format(*p), MISTAKES)


@suite.case("150 random combinations of size, kernel, stride, padding and dilation",
            "150 组随机的尺寸、卷积核、stride、padding、dilation 组合", points=2, diagnose=sweep_mistake)
def sweep(m):
    return [m.conv_output_size(s, k, stride=st, padding=p, dilation=d) for s, k, st, p, d in SWEEP]
