"""Checks for exercises/05_convolution/maxpool_manual.py.

Inputs are fixed numpy arrays so the judge can replay the usual mistakes
(ignored ceil_mode, zero padding, stride defaulting to 1...) on the same numbers.
"""

from __future__ import annotations

import numpy as np

from grader.checks import Suite, T, TensorRecord, lazy

torch = lazy("torch")

suite = Suite("maxpool_manual", names=("max_pool2d",))
suite.forbid(
    ["torch.nn.functional.max_pool2d", "torch.nn.functional.max_pool2d_with_indices", "torch.max_pool2d",
     "torch.max_pool2d_with_indices", "torch.nn.MaxPool2d", "torch.nn.functional.max_pool1d",
     "torch.nn.functional.max_pool3d", "torch.max_pool1d", "torch.max_pool3d", "torch.nn.MaxPool1d",
     "torch.nn.MaxPool3d", "torch.nn.functional.adaptive_max_pool2d", "torch.nn.AdaptiveMaxPool2d",
     "torch.nn.functional.fractional_max_pool2d", "torch.nn.functional.lp_pool2d", "torch.nn.LPPool2d",
     "torch.nn.modules.pooling", "torch.ops"],
    T("This exercise is the pooling windows themselves: F.max_pool2d, nn.MaxPool2d and the other pooling "
      "functions compute them for you. Pad with -inf (F.pad is allowed), cut the windows (slicing or "
      "Tensor.unfold) and take their maximum.",
      "这道题要练的就是池化窗口本身：F.max_pool2d、nn.MaxPool2d 和其他池化函数会替你算好。"
      "请用 -inf 填充（可以用 F.pad），切出窗口（切片或 Tensor.unfold），再取最大值。"),
    inside=("max_pool2d",),
)

NOTES_INPUT = np.array([[1, 2, 0, 3, 1], [0, 1, 2, 3, 1], [1, 2, 1, 0, 0], [5, 2, 3, 1, 1], [2, 1, 0, 1, 1]],
                       dtype=np.float32).reshape(1, 1, 5, 5)


def fixed(seed: int, *shape: int) -> np.ndarray:
    return np.random.RandomState(seed).randn(*shape).astype(np.float32)


def size(n: int, k: int, s: int, p: int, ceil: bool, last_window_rule: bool | str = True) -> int:
    """The output size; `last_window_rule=False` replays a missing rule, ">" the > instead of >= slip."""
    span = n + 2 * p - k
    if not ceil:
        return span // s + 1
    out = -(-span // s) + 1
    start = (out - 1) * s
    if last_window_rule == ">":
        return out - 1 if start > n + p else out
    if last_window_rule and start >= n + p:
        out -= 1
    return out


def pool(x: np.ndarray, k: int, s: int | None = None, p: int = 0, ceil: bool = False, *,
         pad_value: float = -np.inf) -> np.ndarray:
    """Max pooling in numpy; `pad_value=0` replays the zero-padding mistake."""
    s = s or k
    h, w = x.shape[-2:]
    oh, ow = size(h, k, s, p, ceil), size(w, k, s, p, ceil)
    padded = np.full((*x.shape[:-2], h + 2 * p + k + s, w + 2 * p + k + s), -np.inf)
    padded[..., : h + 2 * p, : w + 2 * p] = pad_value
    padded[..., p:p + h, p:p + w] = x
    out = np.empty((*x.shape[:-2], oh, ow))
    for i in range(oh):
        for j in range(ow):
            out[..., i, j] = padded[..., i * s: i * s + k, j * s: j * s + k].max(axis=(-2, -1))
    return out


def pool_mistake(x: np.ndarray, k: int, s: int | None = None, p: int = 0, ceil: bool = False):
    """A diagnose naming the mistake from the shape (sizes) or the values (padding)."""
    h, w = x.shape[-2:]
    stride = s or k

    def sizes(**changes) -> tuple[int, int]:
        params = {"k": k, "s": stride, "p": p, "ceil": ceil, "last_window_rule": True, **changes}
        return (size(h, **params), size(w, **params))

    def diagnose(got, expected):
        if not isinstance(got, TensorRecord) or not isinstance(expected, TensorRecord) or len(got.shape) != 4:
            return None
        mine = tuple(got.shape[-2:])
        if mine != tuple(expected.shape[-2:]):
            if ceil and mine == sizes(ceil=False):
                return T("ceil_mode is ignored: with ceil_mode=True the size division rounds UP, so a last, partial "
                         "window still gives an output.",
                         "你忽略了 ceil_mode：ceil_mode=True 时尺寸公式中的除法要向上取整，最后一个不完整的窗口也会产生输出。")
            if ceil and mine == sizes(last_window_rule=">") and mine != sizes(last_window_rule=False):
                return T("You drop the last window only when it starts strictly beyond size + padding (>). PyTorch "
                         "also drops a window that starts exactly there: (out - 1) * stride >= size + padding.",
                         "你只在最后一个窗口的起点严格超过 size + padding（>）时才去掉它。起点恰好落在那里的窗口，"
                         "PyTorch 也会去掉：(out - 1) * stride >= size + padding。")
            if ceil and mine == sizes(last_window_rule=False):
                return T("With ceil_mode, PyTorch drops a last window that would start at or beyond the end of the input "
                         "plus the left padding (starting exactly there counts too): if (out - 1) * stride >= size + "
                         "padding, use out - 1.",
                         "开启 ceil_mode 时，如果最后一个窗口的起点落在“输入 + 左侧填充”的末端或更远处（恰好在末端也算），"
                         "PyTorch 会去掉它：若 (out - 1) * stride >= size + padding，结果为 out - 1。")
            if s is None and mine == sizes(s=1):
                return T("stride=None means stride = kernel_size (the windows do not overlap), not 1.",
                         "stride=None 表示 stride = kernel_size（窗口互不重叠），而不是 1。")
            return None
        if p and got.values is not None:
            zero_padded = pool(x, k, s, p, ceil, pad_value=0.0)
            if zero_padded.shape == got.values.shape and np.allclose(got.values, zero_padded, atol=1e-5):
                return T("Pad with -inf, not 0: a padded zero must never be the maximum (here the input is all "
                         "negative). Use F.pad(x, ..., value=float('-inf')).",
                         "请用 -inf 填充，而不是 0：填充的 0 绝不能成为最大值（这里的输入全是负数）。"
                         "请用 F.pad(x, ..., value=float('-inf'))。")
        return None

    return diagnose


WINDOWS = T(
    "Output (i, j) is the max of padded[..., i*stride : i*stride + k, j*stride : j*stride + k].",
    "输出 (i, j) 是 padded[..., i*stride : i*stride + k, j*stride : j*stride + k] 的最大值。",
)


def pool_case(en: str, zh: str, x: np.ndarray, k: int, s: int | None = None, p: int = 0, ceil: bool = False,
              hint: T | None = None, points: float = 1.0):
    @suite.case(en, zh, points=points, hint=hint or WINDOWS, diagnose=pool_mistake(x, k, s, p, ceil))
    def run(m):
        return m.max_pool2d(torch.tensor(x), k, stride=s, padding=p, ceil_mode=ceil)


pool_case("the notes' 5x5 input, kernel 3, ceil_mode=True -> [[2, 3], [5, 1]]",
          "笔记中的 5x5 输入、池化核 3、ceil_mode=True -> [[2, 3], [5, 1]]", NOTES_INPUT, 3, ceil=True,
          hint=T("Pad the right and bottom with -inf far enough for the partial windows (columns 3-4, rows 3-4).",
                 "在右侧和底部用 -inf 填充到足够远，让不完整的窗口（第 3-4 列、第 3-4 行）也能取到。"), points=2)
pool_case("the notes' 5x5 input, kernel 3, ceil_mode=False -> [[2]]",
          "笔记中的 5x5 输入、池化核 3、ceil_mode=False -> [[2]]", NOTES_INPUT, 3)
pool_case("kernel 2 halves a (2, 3, 8, 8) batch: the stride defaults to the kernel size",
          "池化核 2 让 (2, 3, 8, 8) 的批次减半：stride 默认等于池化核大小", fixed(1, 2, 3, 8, 8), 2,
          hint=T("stride = stride or kernel_size", "stride = stride or kernel_size"))
pool_case("overlapping windows: kernel 3, stride 1", "重叠的窗口：池化核 3、stride=1", fixed(2, 1, 2, 6, 7), 3, s=1)
pool_case("padding 1 on an all-negative input pads with -inf", "全为负数的输入、padding=1：用 -inf 填充",
          -np.abs(fixed(3, 1, 2, 7, 7)) - 0.1, 3, s=2, p=1, points=2)
pool_case("ceil_mode keeps a partial window on a 7x10 input", "ceil_mode 在 7x10 输入上保留不完整的窗口",
          fixed(4, 2, 2, 7, 10), 3, s=2, ceil=True)
pool_case("ceil_mode drops a last window that would start in the padding", "ceil_mode 去掉起点落在填充区里的最后一个窗口",
          -np.abs(fixed(5, 1, 1, 5, 5)) - 0.1, 2, s=2, p=1, ceil=True, points=2)

pool_case("ceil_mode drops a last window that would start past the padding: 7x7, kernel 2, stride 3, padding 1",
          "ceil_mode 去掉起点越过填充区的最后一个窗口：7x7、池化核 2、stride=3、padding=1",
          fixed(8, 1, 2, 7, 7), 2, s=3, p=1, ceil=True)


@suite.case("each output's gradient goes to its window's maximum", "每个输出的梯度传给它所在窗口中的最大值",
            hint=T("Build the result with tensor operations (max, amax, indexing), not .item() or Python's max().",
                   "用张量运算（max、amax、索引）得到结果，不要用 .item() 或 Python 的 max()。"))
def gradients(m):
    x = torch.tensor(fixed(6, 2, 2, 7, 7)).requires_grad_(True)
    out = m.max_pool2d(x, 3, stride=2, padding=1, ceil_mode=True)
    (out * torch.linspace(-1, 1, out.numel()).reshape(out.shape)).sum().backward()
    return {"output": out, "input": x}


@suite.case("float64 inputs give a float64 result", "float64 输入得到 float64 结果",
            diagnose=pool_mistake(fixed(7, 1, 3, 6, 6), 2))
def double(m):
    return m.max_pool2d(torch.tensor(fixed(7, 1, 3, 6, 6), dtype=torch.float64), 2)


@suite.case("runs on another device (meta)", "能在其他设备（meta）上运行",
            hint=T("Create new tensors on input.device (F.pad and unfold already do).",
                   "新张量要创建在 input.device 上（F.pad 和 unfold 本来就是这样）。"),
            diagnose=pool_mistake(np.zeros((2, 3, 9, 9), dtype=np.float32), 2, ceil=True))
def meta(m):
    return m.max_pool2d(torch.empty(2, 3, 9, 9, device="meta"), 2, ceil_mode=True)
