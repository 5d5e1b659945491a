"""Checks for exercises/01_tensors/reshape_squeeze_cat.py."""

from __future__ import annotations

from grader.checks import TORCH_AND_DYNAMO, Suite, T, lazy

torch = lazy("torch")

suite = Suite("reshape_squeeze_cat", names=("concat", "insert_axis", "drop_channel_axis", "to_matrix"), needs=TORCH_AND_DYNAMO)

SQUEEZE_ONE = T(
    "squeeze() with no argument removes every size-1 dimension, the batch of one included; squeeze(1) removes only "
    "the channel axis.",
    "不带参数的 squeeze() 会去掉所有大小为 1 的维度，连只有一个样本的批次维度也会去掉；squeeze(1) 只去掉通道维度。",
)


CAT_NOT_STACK = T(
    "torch.cat(tensors, dim) joins along an existing dimension, and those sizes may differ; torch.stack needs equal "
    "shapes and adds a new dimension.",
    "torch.cat(tensors, dim) 沿已有的维度拼接，这一维的大小可以不同；torch.stack 要求形状完全相同，并且会新增一个维度。",
)


def error_kind(call) -> dict[str, str]:
    """Run `call` and name the error it raised.

    NotImplementedError is a RuntimeError too, so an unwritten function would
    look right if the error itself were the result: it is re-raised instead.
    """
    try:
        call()
    except NotImplementedError:
        raise
    except RuntimeError:
        return {"error raised": "RuntimeError"}
    return {"error raised": "nothing"}


def stacked(got, expected):
    """One dimension too many: torch.stack instead of torch.cat."""
    shape, wanted = getattr(got, "shape", None), getattr(expected, "shape", None)
    if shape is not None and wanted is not None and len(shape) == len(wanted) + 1:
        return T("torch.stack adds a new dimension; torch.cat joins along one the tensors already have.",
                 "torch.stack 会新增一个维度；torch.cat 沿着张量已有的维度拼接。")
    return None


@suite.case("concat of the notes' (2, 2, 2) and (3, 2, 2) on dim 0 is (5, 2, 2)",
            "笔记中的 (2, 2, 2) 与 (3, 2, 2) 沿第 0 维拼接得到 (5, 2, 2)", diagnose=stacked,
            hint=CAT_NOT_STACK)
def concat_notes(m):
    return m.concat([torch.arange(8).reshape(2, 2, 2), torch.arange(12).reshape(3, 2, 2)], 0)


@suite.case("concat of two (2, 3) tensors on dim 0 is (4, 3)", "两个 (2, 3) 张量沿第 0 维拼接得到 (4, 3)",
            diagnose=stacked,
            hint=T("Joining on an existing dimension adds up its sizes: 2 + 2 = 4 rows.",
                   "沿已有维度拼接会把该维度的大小相加：2 + 2 = 4 行。"))
def concat_same(m):
    return m.concat([torch.randn(2, 3), torch.randn(2, 3)])


@suite.case("concat of three tensors along dim -1", "三个张量沿 dim=-1 拼接", diagnose=stacked,
            hint=T("Pass dim on to torch.cat; -1 is the last dimension, and there the sizes 1, 4 and 2 add up to 7.",
                   "把 dim 传给 torch.cat；-1 表示最后一维，这一维的大小 1、4、2 加起来是 7。"))
def concat_last(m):
    return m.concat([torch.randn(2, 3, 1), torch.randn(2, 3, 4), torch.randn(2, 3, 2)], dim=-1)


@suite.case("concat of (2, 3) and (3, 3) along dim 1 raises RuntimeError", "(2, 3) 与 (3, 3) 沿第 1 维拼接抛出 RuntimeError",
            hint=T("Only the joined dimension may differ: let torch.cat raise, do not pad or cut.",
                   "只有被拼接的那一维大小可以不同：让 torch.cat 抛出错误，不要补齐或截断。"))
def concat_mismatch(m):
    return error_kind(lambda: m.concat([torch.randn(2, 3), torch.randn(3, 3)], dim=1))


@suite.case("gradients flow back through concat to every input", "梯度能通过 concat 传回每一个输入",
            hint=T("Call torch.cat on the tensors themselves; rebuilding them (torch.tensor, .tolist()) cuts the graph.",
                   "直接对这些张量调用 torch.cat；重新构造它们（torch.tensor、.tolist()）会切断计算图。"))
def concat_grad(m):
    a = torch.randn(2, 3, requires_grad=True)
    b = torch.randn(1, 3, requires_grad=True)
    out = m.concat([a, b])
    (out * torch.arange(1.0, 10.0).reshape(3, 3)).sum().backward()
    return {"output": out, "a": a, "b": b}


@suite.case("insert_axis((3, 2, 2), 1) is the notes' (3, 1, 2, 2)", "insert_axis((3, 2, 2), 1) 是笔记中的 (3, 1, 2, 2)")
def insert_notes(m):
    return m.insert_axis(torch.arange(12).reshape(3, 2, 2), 1)


@suite.case("insert_axis at 0 and at -1", "在位置 0 和 -1 插入维度",
            hint=T("dim=-1 makes a new LAST dimension, as unsqueeze(-1) does; Python's list.insert(-1, x) would put x "
                   "before the last item instead.",
                   "dim=-1 表示新增的维度是最后一维，与 unsqueeze(-1) 相同；而 Python 的 list.insert(-1, x) "
                   "会把 x 放在最后一个元素之前。"))
def insert_ends(m):
    t = torch.randn(3, 2, 2)
    return {"insert_axis(t, 0)": m.insert_axis(t, 0), "insert_axis(t, -1)": m.insert_axis(t, -1)}


@suite.case("drop_channel_axis turns (4, 1, 5, 5) into (4, 5, 5)", "drop_channel_axis 把 (4, 1, 5, 5) 变成 (4, 5, 5)",
            hint=SQUEEZE_ONE)
def drop_batch(m):
    return m.drop_channel_axis(torch.randn(4, 1, 5, 5))


@suite.case("drop_channel_axis keeps a batch of one: (1, 1, 5, 5) -> (1, 5, 5)",
            "drop_channel_axis 保留只有一个样本的批次：(1, 1, 5, 5) -> (1, 5, 5)", hint=SQUEEZE_ONE)
def drop_single(m):
    return m.drop_channel_axis(torch.randn(1, 1, 5, 5))


@suite.case("drop_channel_axis keeps a 1-pixel-high image: (2, 1, 1, 3) -> (2, 1, 3)",
            "drop_channel_axis 保留高度为 1 的图像：(2, 1, 1, 3) -> (2, 1, 3)", hint=SQUEEZE_ONE)
def drop_flat(m):
    return m.drop_channel_axis(torch.randn(2, 1, 1, 3))


@suite.case("drop_channel_axis leaves the notes' (3, 2, 2) tensor as it is", "drop_channel_axis 不改变笔记中的 (3, 2, 2) 张量",
            hint=T("Dimension 1 has size 2 here, so squeeze(1) does nothing: there is no size-1 dimension to remove.",
                   "这里第 1 维的大小是 2，所以 squeeze(1) 什么也不做：没有大小为 1 的维度可去。"))
def drop_nothing(m):
    return m.drop_channel_axis(torch.arange(12).reshape(3, 2, 2))


@suite.case("to_matrix(arange(12), 3) infers 4 columns", "to_matrix(arange(12), 3) 推算出 4 列")
def matrix_basic(m):
    return m.to_matrix(torch.arange(12), 3)


@suite.case("to_matrix of a transposed (non-contiguous) tensor", "对转置过的（不连续的）张量调用 to_matrix",
            hint=T("A transposed tensor cannot be viewed: use reshape, which copies only when it has to.",
                   "转置后的张量不能用 view：请用 reshape，它只在必要时才复制。"))
def matrix_transposed(m):
    return m.to_matrix(torch.arange(12).reshape(3, 4).t(), 2)


@suite.case("to_matrix of a contiguous tensor is a view of it", "对连续张量调用 to_matrix 得到它的视图",
            hint=T("Do not clone or rebuild the data: reshape (or view) of a contiguous tensor shares its memory.",
                   "不要 clone 或重新构造数据：对连续张量做 reshape（或 view）会共享它的内存。"))
def matrix_view(m):
    t = torch.arange(12)
    m.to_matrix(t, 4)[0, 0] = 100
    return {"t after to_matrix(t, 4)[0, 0] = 100": t}


@suite.case("to_matrix(arange(10), 3) raises RuntimeError", "to_matrix(arange(10), 3) 抛出 RuntimeError",
            hint=T("10 elements do not fill 3 equal rows: let reshape raise instead of dropping or padding elements.",
                   "10 个元素排不成 3 行相等的矩阵：让 reshape 抛出错误，不要丢弃或补齐元素。"))
def matrix_uneven(m):
    return error_kind(lambda: m.to_matrix(torch.arange(10), 3))


@suite.case("concat and to_matrix work on another device (meta)", "concat 和 to_matrix 在其他设备（meta）上也能运行",
            hint=T("Stay with tensor operations; do not go through Python lists or NumPy.",
                   "只用张量运算；不要经过 Python 列表或 NumPy。"))
def on_meta(m):
    a, b = torch.empty(2, 6, device="meta"), torch.empty(1, 6, device="meta")
    return {"concat": m.concat([a, b]), "to_matrix": m.to_matrix(torch.empty(3, 4, device="meta").t(), 6)}
