"""Checks for exercises/05_convolution/pool_output_size.py."""

from __future__ import annotations

import random

from grader.checks import Suite, T, only_matching_mistake, verified_sweep_diagnosis

suite = Suite("pool_output_size", names=("pool_output_size",))

Params = tuple[int, int, "int | None", int, int, bool]


def _variant(s: int, k: int, st: int | None, p: int, d: int, c: bool, *, stride_default: int | None = None,
             dilation: int | None = None, ceil: bool = True, drop: str = ">=") -> int:
    """The size a learner's code gives when it gets one thing wrong (the keyword names which)."""
    stride = st if st is not None else (stride_default or k)
    reach = s + 2 * p - (d if dilation is None else dilation) * (k - 1) - 1
    if not (c and ceil):
        return reach // stride + 1
    out = -(-reach // stride) + 1
    last_start = (out - 1) * stride
    dropped = {">=": last_start >= s + p, ">": last_start > s + p, "never": False}[drop]
    return out - 1 if dropped else out


# The formulas a learner is likely to write instead, each with what it misses. Each gives the
# learner's answer for every parameter, so that a sweep can verify it on all the data.
MISTAKES = (
    (lambda *a: _variant(*a, ceil=False),
     T("ceil_mode is ignored: with ceil_mode=True the division rounds up.",
       "你忽略了 ceil_mode：ceil_mode=True 时除法应向上取整。")),
    (lambda *a: _variant(*a, drop="never"),
     T("With ceil_mode, PyTorch drops a last window that would start at or beyond the end of the input plus the "
       "left padding: if (out - 1) * stride >= size + padding, the result is out - 1.",
       "开启 ceil_mode 时，如果最后一个窗口的起点落在“输入 + 左侧填充”的末端或更远处，PyTorch 会去掉它："
       "若 (out - 1) * stride >= size + padding，结果为 out - 1。")),
    (lambda *a: _variant(*a, drop=">"),
     T("You drop the last window only when it starts strictly beyond size + padding (>). PyTorch also drops a "
       "window that starts exactly there, in the first padded pixel: (out - 1) * stride >= size + padding.",
       "你只在最后一个窗口的起点严格超过 size + padding（>）时才去掉它。起点恰好落在那里（第一个填充像素）"
       "的窗口，PyTorch 也会去掉：(out - 1) * stride >= size + padding。")),
    (lambda *a: _variant(*a, stride_default=1),
     T("stride=None means stride = kernel_size, not 1.", "stride=None 表示 stride = kernel_size，而不是 1。")),
    (lambda *a: _variant(*a, dilation=1),
     T("Dilation is ignored: the window spans dilation * (kernel_size - 1) + 1 pixels.",
       "你忽略了 dilation：窗口跨越 dilation * (kernel_size - 1) + 1 个像素。")),
)


def name_mistake(got: object, params: Params) -> T | None:
    """The one known mistake that reproduces this answer; none when several do (see only_matching_mistake)."""
    return only_matching_mistake(MISTAKES, got, params)


def size_case(en: str, zh: str, size: int, kernel_size: int, stride: int | None = None, padding: int = 0,
              dilation: int = 1, ceil_mode: bool = False, points: float = 1.0):
    params = (size, kernel_size, stride, padding, dilation, ceil_mode)

    @suite.case(en, zh, points=points, diagnose=lambda got, expected: name_mistake(got, params))
    def run(m):
        return m.pool_output_size(size, kernel_size, stride=stride, padding=padding, dilation=dilation,
                                  ceil_mode=ceil_mode)


size_case("the notes' 5x5 input, kernel 3, ceil_mode=True -> 2", "笔记中的 5x5 输入、池化核 3、ceil_mode=True -> 2",
          5, 3, ceil_mode=True)
size_case("the notes' 5x5 input, kernel 3, ceil_mode=False -> 1", "笔记中的 5x5 输入、池化核 3、ceil_mode=False -> 1", 5, 3)
size_case("stride defaults to the kernel size: 32 -> 16 with kernel 2", "stride 默认等于池化核大小：池化核 2 时 32 -> 16", 32, 2)
size_case("an explicit stride 1 overlaps the windows", "显式的 stride=1 让窗口重叠", 6, 3, stride=1)
size_case("padding widens the input on both sides", "padding 在两侧加宽输入", 7, 3, stride=2, padding=1)
size_case("dilation spreads the window", "dilation 让窗口的采样点拉开", 10, 3, stride=1, dilation=2)
size_case("ceil_mode drops a last window that starts in the right padding",
          "ceil_mode 会去掉起点落在右侧填充里的最后一个窗口", 5, 2, stride=2, padding=1, ceil_mode=True, points=2)
size_case("ceil_mode drops a last window that starts past the padding: 4, kernel 2, stride 3, padding 1 -> 2",
          "ceil_mode 去掉起点越过填充区的最后一个窗口：4、池化核 2、stride=3、padding=1 -> 2",
          4, 2, stride=3, padding=1, ceil_mode=True)
size_case("ceil_mode keeps a last window that starts inside the input", "ceil_mode 保留起点在输入内部的最后一个窗口",
          6, 2, stride=2, padding=1, ceil_mode=True)

# Last windows that start exactly at size + padding (dropped) and past it (dropped too): they tell
# a missing rule, a > instead of >= and the right rule apart.
EDGES: list[Params] = [(5, 2, 2, 1, 1, True), (4, 2, 3, 1, 1, True), (7, 2, 3, 1, 1, True)]
SWEEP: list[Params] = list(EDGES)
_rng = random.Random(7)
while len(SWEEP) < 150:
    k = _rng.randint(1, 5)
    d = _rng.randint(1, 2)
    p = _rng.randint(0, k // 2)  # PyTorch requires padding <= kernel_size / 2
    s = _rng.randint(1, 40)
    st = _rng.choice([None, 1, 2, 3])
    if s + 2 * p >= d * (k - 1) + 1:
        SWEEP.append((s, k, st, p, d, _rng.random() < 0.5))


sweep_mistake = verified_sweep_diagnosis(
    SWEEP, lambda p: "size={}, kernel_size={}, stride={}, padding={}, dilation={}, ceil_mode={}".format(*p), MISTAKES)


@suite.case("150 random combinations, with and without ceil_mode", "150 组随机参数组合，含 ceil_mode 开与关",
            points=3, diagnose=sweep_mistake)
def sweep(m):
    return [
        m.pool_output_size(s, k, stride=st, padding=p, dilation=d, ceil_mode=c) for s, k, st, p, d, c in SWEEP
    ]
