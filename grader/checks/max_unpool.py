"""Checks for exercises/05_convolution/max_unpool.py.

Inputs are continuous random numbers (no ties inside a window), so the position
of every maximum is unique and both runs must agree on it exactly.
"""

from __future__ import annotations

from grader.checks import Suite, T, TensorRecord, lazy

torch = lazy("torch")

suite = Suite("max_unpool", names=("pool_with_indices", "max_positions", "unpool", "keep_maxima"))

STATEMENT_EXAMPLE = [[1., 5., 2., 0.], [3., 4., 8., 1.], [0., 2., 1., 1.], [6., 1., 0., 9.]]

RETURN_INDICES = T(
    "Ask the pooling layer for the positions: nn.MaxPool2d(kernel_size, return_indices=True)(x) returns "
    "(pooled, indices).",
    "向池化层要位置：nn.MaxPool2d(kernel_size, return_indices=True)(x) 返回 (pooled, indices)。",
)
FLAT_INDEX = T(
    "An index counts along the INPUT plane row by row: index = row * W + column with W the input's width, so "
    "row = index // W and column = index % W (not the pooled width, not the kernel size).",
    "索引在输入平面内逐行计数：index = row * W + column，W 是输入的宽度，所以 row = index // W，"
    "column = index % W（不是池化结果的宽度，也不是卷积核尺寸）。",
)
OUTPUT_SIZE = T(
    "Pass the size on: nn.MaxUnpool2d(k)(pooled, indices, output_size=x.shape[-2:]). Without it unpooling "
    "returns pooled size * k, one row and column short when H or W is not a multiple of k.",
    "把尺寸传下去：nn.MaxUnpool2d(k)(pooled, indices, output_size=x.shape[-2:])。不传的话，反池化返回"
    "池化尺寸 * k，H 或 W 不是 k 的倍数时会少一行、一列。",
)


def shape_mistake(got, expected) -> T | None:
    if isinstance(got, TensorRecord) and isinstance(expected, TensorRecord):
        if len(got.shape) == len(expected.shape) and got.shape[:-2] == expected.shape[:-2] and all(
                g < e for g, e in zip(got.shape[-2:], expected.shape[-2:])):
            return OUTPUT_SIZE
    return None


@suite.case("the statement's 4x4 example: maxima and their flat indices", "题目中 4x4 的例子：最大值及其扁平索引",
            hint=RETURN_INDICES)
def statement_example(m):
    pooled, indices = m.pool_with_indices(torch.tensor([[STATEMENT_EXAMPLE]]), 2)
    return {"pooled": pooled, "indices": indices}


@suite.case("(2, 3, 6, 9) with kernel 3: pooled and int64 indices", "(2, 3, 6, 9)、卷积核 3：池化结果和 int64 索引",
            hint=RETURN_INDICES)
def pool_rect(m):
    pooled, indices = m.pool_with_indices(torch.randn(2, 3, 6, 9), 3)
    return {"pooled": pooled, "indices": indices}


@suite.case("max_positions on a (1, 2, 6, 8) input with kernel 2", "max_positions：(1, 2, 6, 8) 的输入、卷积核 2",
            hint=FLAT_INDEX)
def positions(m):
    rows, cols = m.max_positions(torch.randn(1, 2, 6, 8), 2)
    return {"rows": rows, "columns": cols}


@suite.case("max_positions on a non-square (1, 1, 4, 10) input with kernel 2: W is the input's width",
            "max_positions：非正方形的 (1, 1, 4, 10) 输入、卷积核 2：W 是输入的宽度", hint=FLAT_INDEX)
def positions_wide(m):
    rows, cols = m.max_positions(torch.randn(1, 1, 4, 10), 2)
    return {"rows": rows, "columns": cols}


@suite.case("unpool without output_size: pooled size * kernel_size", "不带 output_size 的 unpool：池化尺寸 * kernel_size")
def unpool_default(m):
    x = torch.randn(2, 2, 6, 6)
    pooled, indices = torch.nn.functional.max_pool2d(x, 3, return_indices=True)
    return m.unpool(pooled, indices, 3)


@suite.case("unpool with output_size (5, 7) restores an odd-sized plane", "带 output_size (5, 7) 的 unpool 还原奇数尺寸的平面",
            hint=OUTPUT_SIZE, diagnose=shape_mistake)
def unpool_sized(m):
    x = torch.randn(1, 3, 5, 7)
    pooled, indices = torch.nn.functional.max_pool2d(x, 2, return_indices=True)
    return m.unpool(pooled, indices, 2, output_size=(5, 7))


@suite.case("keep_maxima on the statement's example", "题目例子的 keep_maxima")
def keep_example(m):
    return m.keep_maxima(torch.tensor([[STATEMENT_EXAMPLE]]), 2)


@suite.case("keep_maxima when the kernel does not divide the size (5x7, kernel 2): x's shape, zeros at the edge",
            "kernel 不能整除尺寸时的 keep_maxima（5x7、卷积核 2）：形状与 x 相同，边缘为 0",
            hint=OUTPUT_SIZE, diagnose=shape_mistake)
def keep_odd(m):
    return m.keep_maxima(torch.randn(2, 2, 5, 7), 2)


@suite.case("keep_maxima with kernel 1 changes nothing", "卷积核为 1 时 keep_maxima 不改变任何值")
def keep_kernel_1(m):
    return m.keep_maxima(torch.randn(1, 2, 3, 4), 1)


@suite.case("keep_maxima with one window over the whole 4x4 plane: one value per channel",
            "一个窗口覆盖整个 4x4 平面的 keep_maxima：每个通道一个值")
def keep_whole(m):
    return m.keep_maxima(torch.randn(2, 3, 4, 4), 4)


@suite.case("negative maxima are kept too (all values below 0)", "负的最大值同样保留（所有值都小于 0）")
def keep_negative(m):
    return m.keep_maxima(-torch.rand(1, 2, 6, 6) - 1, 3)


@suite.case("gradients flow back to x: 1 at each kept maximum, 0 elsewhere", "梯度能传回 x：每个保留的最大值处为 1，其他位置为 0",
            hint=T("Stay with the pooling and unpooling layers on x: no .detach(), no NumPy, no new tensor built "
                   "from Python numbers.",
                   "对 x 只用池化和反池化层：不要 .detach()、不要 NumPy，也不要用 Python 数字新建张量。"))
def keep_grad(m):
    x = torch.randn(1, 2, 5, 6, requires_grad=True)
    m.keep_maxima(x, 2).sum().backward()
    return x.grad
