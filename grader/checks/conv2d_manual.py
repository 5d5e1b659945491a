"""Checks for exercises/05_convolution/conv2d_manual.py.

Inputs are fixed numpy arrays, built at import time, so that the judge (which
has numpy but no torch) can replay the usual mistakes on the very same numbers
and name the one the learner made.
"""

from __future__ import annotations

import numpy as np

from grader.checks import Suite, T, TensorRecord, lazy

torch = lazy("torch")

suite = Suite("conv2d_manual", names=("conv2d",))
suite.forbid(
    ["torch.nn.functional.conv2d", "torch.conv2d", "torch.nn.Conv2d", "torch.nn.LazyConv2d",
     "torch.nn.modules.conv", "torch.convolution", "torch._convolution", "torch.nn.functional.conv_transpose2d",
     "torch.conv_transpose2d", "torch.ops"],
    T("This exercise is the sliding window itself: F.conv2d, torch.conv2d and nn.Conv2d compute it for you. "
      "Build it from padding (F.pad is allowed), slicing or Tensor.unfold, multiplication and sums.",
      "这道题要练的就是滑动窗口本身：F.conv2d、torch.conv2d 和 nn.Conv2d 会替你算好。"
      "请用填充（可以用 F.pad）、切片或 Tensor.unfold、乘法和求和自己搭出来。"),
    inside=("conv2d",),
)

NOTES_INPUT = np.array([[1, 2, 0, 3, 1], [0, 1, 2, 3, 1], [1, 2, 1, 0, 0], [5, 2, 3, 1, 1], [2, 1, 0, 1, 1]],
                       dtype=np.float32).reshape(1, 1, 5, 5)
NOTES_KERNEL = np.array([[1, 2, 1], [0, 1, 0], [2, 1, 0]], dtype=np.float32).reshape(1, 1, 3, 3)


def fixed(seed: int, *shape: int) -> np.ndarray:
    return np.random.RandomState(seed).randn(*shape).astype(np.float32)


SLIDING = T(
    "For output (i, j) take the window padded[:, :, i*stride : i*stride + kH, j*stride : j*stride + kW], multiply it "
    "element-wise with kernel[o] and sum over channels and window.",
    "输出 (i, j) 对应的窗口是 padded[:, :, i*stride : i*stride + kH, j*stride : j*stride + kW]，把它与 kernel[o] "
    "逐元素相乘，再在通道和窗口上求和。",
)


# ---- the usual mistakes, replayed in numpy ---------------------------------------


def correlate(x: np.ndarray, k: np.ndarray, stride: int = 1, padding: int = 0, *, flip: bool = False,
              window_step: int | None = None, out_stride: int | None = None, pad_sides: int = 2) -> np.ndarray:
    """Cross-correlation with knobs for the mistakes: a flipped kernel, windows that
    do not move by `stride`, padding on one side only."""
    x = x.astype(np.float64)
    k = k[..., ::-1, ::-1] if flip else k
    if padding:
        before = padding
        after = padding if pad_sides == 2 else 0
        x = np.pad(x, ((0, 0), (0, 0), (before, after), (before, after)))
    kh, kw = k.shape[-2:]
    size_stride = out_stride or stride
    oh = (x.shape[2] - kh) // size_stride + 1
    ow = (x.shape[3] - kw) // size_stride + 1
    step = window_step or stride
    out = np.zeros((x.shape[0], k.shape[0], oh, ow))
    for i in range(oh):
        for j in range(ow):
            window = x[:, :, i * step: i * step + kh, j * step: j * step + kw]
            if window.shape[-2:] != (kh, kw):
                return np.full(out.shape, np.nan)
            out[:, :, i, j] = np.einsum("ncab,ocab->no", window, k)
    return out


def conv_mistake(x: np.ndarray, k: np.ndarray, stride: int = 1, padding: int = 0):
    """A diagnose for one fixed input: which known mistake reproduces the learner's values?"""
    candidates = [
        (lambda: correlate(x, k, stride, padding, flip=True),
         T("Your kernel is flipped. PyTorch's conv2d does not flip the kernel: it is a cross-correlation, so multiply "
           "each window with the kernel as it is.",
           "你的卷积核被翻转了。PyTorch 的 conv2d 不翻转卷积核：它其实是互相关，直接把每个窗口与原样的卷积核相乘。")),
        (lambda: correlate(x, k, stride, padding, window_step=1),
         T("Your windows move one pixel at a time: with stride s the window for output (i, j) starts at row "
           "i * stride, column j * stride.",
           "你的窗口每次只移动一个像素：步幅为 s 时，输出 (i, j) 的窗口从第 i * stride 行、第 j * stride 列开始。")),
        (lambda: correlate(x, np.swapaxes(k, -1, -2), stride, padding),
         T("Your kernel is transposed: kernel[o, c, a, b] has a as the row (height) and b as the column (width).",
           "你的卷积核被转置了：kernel[o, c, a, b] 中 a 是行（高），b 是列（宽）。")),
        (lambda: correlate(x, k, stride, padding, pad_sides=1),
         T("The zeros were added on one side only: padding adds that many rows and columns on ALL four sides.",
           "你只在一侧补了 0：padding 要在上下左右四边各补这么多行和列。")),
    ]

    def diagnose(got, expected):
        if not isinstance(got, TensorRecord) or got.values is None:
            return None
        mine = got.values.astype(np.float64)
        for make, explanation in candidates:
            alternative = make()
            if alternative is not None and alternative.shape == mine.shape and np.allclose(mine, alternative, atol=1e-3):
                return explanation
        return None

    return diagnose


def as_tensor(array: np.ndarray, dtype=None):
    return torch.tensor(array, dtype=dtype or torch.float32)


def fixed_case(en: str, zh: str, x: np.ndarray, k: np.ndarray, stride: int = 1, padding: int = 0, hint: T | None = None,
               points: float = 1.0):
    @suite.case(en, zh, atol=1e-4, rtol=1e-4, points=points, hint=hint or SLIDING,
                diagnose=conv_mistake(x, k, stride, padding))
    def run(m):
        return m.conv2d(as_tensor(x), as_tensor(k), stride=stride, padding=padding)


fixed_case("the notes' 5x5 input and 3x3 kernel, stride 1", "笔记中的 5x5 输入和 3x3 卷积核，stride=1",
           NOTES_INPUT, NOTES_KERNEL)
fixed_case("the notes' example with stride 2", "笔记中的例子，stride=2", NOTES_INPUT, NOTES_KERNEL, stride=2)
fixed_case("the notes' example with padding 1", "笔记中的例子，padding=1", NOTES_INPUT, NOTES_KERNEL, padding=1,
           hint=T("Pad first: F.pad(input, (p, p, p, p)) adds p zeros left, right, top and bottom.",
                  "先补零：F.pad(input, (p, p, p, p)) 在左、右、上、下各补 p 个 0。"))
fixed_case("a batch of 2, 3 input and 4 output channels, a 3x2 kernel", "批大小 2，3 个输入通道、4 个输出通道，3x2 卷积核",
           fixed(1, 2, 3, 7, 6), fixed(2, 4, 3, 3, 2), points=2)
fixed_case("stride 2 and padding 1 on a 9x8 input (the size rounds down)", "9x8 输入上 stride=2、padding=1（尺寸向下取整）",
           fixed(3, 2, 2, 9, 8), fixed(4, 3, 2, 3, 3), stride=2, padding=1, points=2)
fixed_case("stride 3, padding 2 and a 2x4 kernel", "stride=3、padding=2 和 2x4 卷积核",
           fixed(5, 1, 3, 10, 11), fixed(6, 2, 3, 2, 4), stride=3, padding=2)
fixed_case("a 1x1 kernel only mixes the channels", "1x1 卷积核只混合各个通道", fixed(7, 3, 4, 5, 5), fixed(8, 2, 4, 1, 1))
fixed_case("a kernel as large as the input gives one value per channel", "与输入一样大的卷积核，每个通道只得到一个值",
           fixed(9, 2, 2, 4, 4), fixed(10, 3, 2, 4, 4))


@suite.case("gradients reach both the input and the kernel", "梯度能传到输入和卷积核", atol=1e-4, rtol=1e-4,
            hint=T("Build the output from tensor operations on input and kernel; .item(), .tolist(), .numpy() or writing "
                   "Python numbers into torch.zeros(...) cut the graph.",
                   "用对 input 和 kernel 的张量运算得到输出；.item()、.tolist()、.numpy()，或把 Python 数字写进 "
                   "torch.zeros(...)，都会切断计算图。"))
def gradients(m):
    x = as_tensor(fixed(11, 2, 2, 6, 5)).requires_grad_(True)
    k = as_tensor(fixed(12, 3, 2, 3, 3)).requires_grad_(True)
    out = m.conv2d(x, k, stride=1, padding=1)
    (out * torch.linspace(-1, 1, out.numel()).reshape(out.shape)).sum().backward()
    return {"output": out, "input": x, "kernel": k}


DOUBLE_INPUT, DOUBLE_KERNEL = fixed(13, 1, 2, 6, 6), fixed(14, 2, 2, 3, 3)


@suite.case("float64 inputs give a float64 result", "float64 输入得到 float64 结果",
            hint=T("Do not convert to float32 on the way; create new tensors with dtype=input.dtype (or new_zeros).",
                   "中途不要转换成 float32；新张量请用 dtype=input.dtype 创建（或用 new_zeros）。"),
            diagnose=conv_mistake(DOUBLE_INPUT, DOUBLE_KERNEL, 2, 1))
def double(m):
    return m.conv2d(as_tensor(DOUBLE_INPUT, torch.float64), as_tensor(DOUBLE_KERNEL, torch.float64), stride=2, padding=1)


@suite.case("runs on another device (meta)", "能在其他设备（meta）上运行",
            hint=T("Create new tensors with device=input.device (or input.new_zeros(...)), not on the default device.",
                   "新张量要用 device=input.device 创建（或用 input.new_zeros(...)），不要放在默认设备上。"))
def meta(m):
    return m.conv2d(torch.empty(2, 3, 6, 7, device="meta"), torch.empty(4, 3, 3, 3, device="meta"), stride=2, padding=1)
