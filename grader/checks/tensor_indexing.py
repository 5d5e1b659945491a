"""Checks for exercises/01_tensors/tensor_indexing.py."""

from __future__ import annotations

from grader.checks import TORCH_AND_DYNAMO, Suite, T, TensorRecord, lazy

torch = lazy("torch")

suite = Suite("tensor_indexing", names=("row", "column", "second_row_trimmed", "greater_than", "zero_negatives",
                                        "count_equal"), needs=TORCH_AND_DYNAMO)

ROW_OR_COLUMN = T(
    "t[j] is row j; column j is t[:, j] (every row, position j).",
    "t[j] 是第 j 行；第 j 列是 t[:, j]（每一行的第 j 个位置）。",
)

TRIMMED = T(
    "Write t[:, 1, :-1]. Note that :-1 is a slice (all but the last element), while -1 alone picks only the last one.",
    "写成 t[:, 1, :-1]。注意 :-1 是切片（除最后一个以外的所有元素），而单独的 -1 只取最后一个元素。",
)


def grid(rows: int, cols: int):
    """0, 1, 2, ... laid out row by row: every element tells where it sits."""
    return torch.arange(rows * cols).reshape(rows, cols)


@suite.case("row(eye(4), 2) is the notes' [0, 0, 1, 0]", "row(eye(4), 2) 是笔记中的 [0, 0, 1, 0]")
def row_notes(m):
    return m.row(torch.eye(4), 2)


@suite.case("column(eye(4), 1) is the notes' [0, 1, 0, 0]", "column(eye(4), 1) 是笔记中的 [0, 1, 0, 0]",
            hint=ROW_OR_COLUMN)
def column_notes(m):
    return m.column(torch.eye(4), 1)


@suite.case("column 3 of a 3x5 matrix runs down the rows", "3x5 矩阵的第 3 列沿着各行向下取", hint=ROW_OR_COLUMN)
def column_wide(m):
    return m.column(grid(3, 5), 3)


@suite.case("negative indices: the last row and the last column", "负数下标：最后一行和最后一列", hint=ROW_OR_COLUMN)
def negative(m):
    t = torch.randn(4, 6)
    return {"row(t, -1)": m.row(t, -1), "column(t, -1)": m.column(t, -1)}


@suite.case("row returns a view: writing into it changes t", "row 返回视图：写入它会改变 t",
            hint=T("Return t[i] itself; .clone(), torch.tensor(...) or a list make a copy that no longer shares memory.",
                   "直接返回 t[i]；.clone()、torch.tensor(...) 或列表都会复制出不再共享内存的新数据。"))
def row_view(m):
    t = grid(3, 4)
    m.row(t, 1)[0] = 100
    return {"t after row(t, 1)[0] = 100": t}


@suite.case("second_row_trimmed on the notes' arange(16).reshape(2, 2, -1)",
            "second_row_trimmed 作用在笔记中的 arange(16).reshape(2, 2, -1) 上", hint=TRIMMED)
def trimmed_notes(m):
    return m.second_row_trimmed(torch.arange(16).reshape(2, 2, -1))


@suite.case("second_row_trimmed on a random (3, 4, 5) tensor", "second_row_trimmed 作用在随机 (3, 4, 5) 张量上",
            hint=TRIMMED)
def trimmed_random(m):
    return m.second_row_trimmed(torch.randn(3, 4, 5))


@suite.case("greater_than(t, 0.5) keeps the large values, in order", "greater_than(t, 0.5) 按顺序保留较大的值",
            hint=T("mask = t > threshold; return t[mask]. The result is 1-D.",
                   "mask = t > threshold；return t[mask]。结果是一维的。"))
def greater_random(m):
    return m.greater_than(torch.randn(4, 5), 0.5)


@suite.case("greater_than keeps nothing when the threshold is above every value",
            "阈值大于所有值时 greater_than 什么也不保留",
            hint=T("An empty selection is still a tensor: shape (0,), same dtype as t.",
                   "空的选择结果也是张量：形状为 (0,)，dtype 与 t 相同。"))
def greater_none(m):
    return m.greater_than(torch.rand(3, 3), 2.0)


AT_THRESHOLD = [[1, 2, 3], [2, 5, 2]]


def kept_equal_values(got, expected):
    """Named only when the learner's values are exactly the elements >= 2 of AT_THRESHOLD."""
    at_or_above = [v for row in AT_THRESHOLD for v in row if v >= 2]
    if isinstance(got, TensorRecord) and got.values is not None and got.values.tolist() == at_or_above:
        return T("Strictly greater: an element equal to the threshold is not kept. Use >, not >=.",
                 "是严格大于：等于阈值的元素不保留。请用 >，不要用 >=。")
    return None


@suite.case("greater_than at the boundary: elements equal to the threshold are not kept",
            "greater_than 的边界：等于阈值的元素不保留", diagnose=kept_equal_values,
            hint=T("mask = t > threshold (strictly greater); return t[mask].",
                   "mask = t > threshold（严格大于）；return t[mask]。"))
def greater_boundary(m):
    return m.greater_than(torch.tensor(AT_THRESHOLD), 2)


@suite.case("zero_negatives replaces negatives by 0 and leaves t unchanged", "zero_negatives 把负数换成 0，且不改动 t",
            hint=T("out = t.clone(); out[out < 0] = 0. Writing through the mask into t itself changes the caller's tensor.",
                   "out = t.clone(); out[out < 0] = 0。直接通过掩码写入 t 会改动调用者的张量。"))
def zero_random(m):
    t = torch.randn(3, 4)
    out = m.zero_negatives(t)
    return {"result": out, "your t after the call": t}


@suite.case("zero_negatives keeps an integer tensor's dtype", "zero_negatives 保持整数张量的 dtype")
def zero_int(m):
    return m.zero_negatives(torch.randint(-5, 6, (2, 6)))


@suite.case("count_equal on predictions and labels is a Python int", "count_equal 对预测与标签的计数是 Python int",
            hint=T("(predicted == labels).sum() is still a tensor; .item() turns it into a number.",
                   "(predicted == labels).sum() 仍然是张量；用 .item() 把它变成数字。"))
def count_random(m):
    labels = torch.randint(0, 10, (64,))
    predicted = torch.where(torch.rand(64) < 0.7, labels, torch.randint(0, 10, (64,)))
    return m.count_equal(predicted, labels)


@suite.case("count_equal is 0 when nothing matches", "完全不相等时 count_equal 为 0")
def count_none(m):
    return m.count_equal(torch.zeros(5, dtype=torch.long), torch.ones(5, dtype=torch.long))
