"""Checks for exercises/07_networks/embedding_layer.py.

The learner's make_embedding draws its own random rows, so its cases compare
only what is fixed (shapes, the padding row, gradients, which depend on the
tokens alone); embed and mean_embedding get an embedding the case builds and
fills with seeded weights, so values are compared exactly.
"""

from __future__ import annotations

import numpy as np

from grader.checks import ErrorRecord, Suite, T, TensorRecord, lazy, load_reference_weights

torch = lazy("torch")
nn = lazy("torch.nn")

suite = Suite("embedding_layer", names=("make_embedding", "embed", "mean_embedding"))

PADDING_ROW = T(
    "Pass padding_idx on: nn.Embedding(vocab_size, dim, padding_idx=padding_idx). Only then does that row start "
    "as zeros and get no gradient.",
    "要把 padding_idx 传进去：nn.Embedding(vocab_size, dim, padding_idx=padding_idx)。这样那一行才会初始为全 0，"
    "并且不会得到梯度。",
)
LONG = T(
    "nn.Embedding looks rows up by number, so the indices must be integers: convert with tokens.long() before the "
    "lookup.",
    "nn.Embedding 按编号查找行，所以索引必须是整数：查表之前先用 tokens.long() 转换。",
)
NO_CLAMP = T(
    "A token number outside 0 .. num_embeddings - 1 is a bug in the data: let nn.Embedding raise IndexError "
    "instead of clamping, wrapping or indexing weight directly (weight[-1] silently reads the last row).",
    "超出 0 .. num_embeddings - 1 的编号说明数据有错：让 nn.Embedding 抛出 IndexError，不要用 clamp 截断、"
    "绕回，也不要直接索引 weight（weight[-1] 会悄悄读到最后一行）。",
)
SKIP_PADDING = T(
    "Average only the real tokens: mask = tokens != embedding.padding_idx; sum the vectors where mask is true and "
    "divide by the number of real tokens of each sequence, not by seq_len.",
    "只对真实的词求平均：mask = tokens != embedding.padding_idx；把 mask 为真的向量相加，再除以每个序列真实词的个数，"
    "而不是除以 seq_len。",
)
ALL_PADDING = T(
    "A sequence of only padding has 0 real tokens: 0 / 0 is nan. Divide by counts.clamp(min=1) so that it "
    "gives the zero vector.",
    "只有填充的序列真实词个数为 0：0 / 0 得到 nan。请除以 counts.clamp(min=1)，让它得到零向量。",
)


def seeded_embedding(vocab_size: int, dim: int, padding_idx: int | None, seed: int):
    embedding = nn.Embedding(vocab_size, dim, padding_idx=padding_idx)
    load_reference_weights(embedding, seed)
    if padding_idx is not None:
        with torch.no_grad():
            embedding.weight[padding_idx].zero_()
    return embedding


def float_indices(got, expected) -> T | None:
    if isinstance(got, ErrorRecord) and "indices" in got.message and "Long" in got.message:
        return LONG
    return None


def nan_for_empty(got, expected) -> T | None:
    """nan where the reference has numbers: 0 / 0 for a sequence of only padding."""
    if isinstance(got, TensorRecord) and isinstance(expected, TensorRecord) and got.values is not None \
            and expected.values is not None:
        if got.values.shape == expected.values.shape and np.isnan(got.values).any():
            return ALL_PADDING
    return None


# ---- make_embedding ---------------------------------------------------------


@suite.case("make_embedding(10, 4): a (10, 4) weight whose row 0 is the padding row of zeros",
            "make_embedding(10, 4)：weight 为 (10, 4)，第 0 行是全 0 的填充行", hint=PADDING_ROW)
def default_padding(m):
    embedding = m.make_embedding(10, 4)
    return {"is an nn.Embedding": isinstance(embedding, nn.Embedding),
            "weight shape": list(embedding.weight.shape),
            "padding_idx": embedding.padding_idx,
            "row 0": embedding.weight[0].detach()}


@suite.case("the padding row may be the last one: make_embedding(7, 3, padding_idx=6)",
            "填充行也可以是最后一行：make_embedding(7, 3, padding_idx=6)", hint=PADDING_ROW)
def last_row_padding(m):
    embedding = m.make_embedding(7, 3, padding_idx=6)
    return {"padding_idx": embedding.padding_idx, "row 6": embedding.weight[6].detach()}


@suite.case("the padding row receives no gradient; every other row gets one per use",
            "填充行得不到梯度；其他每一行每被用到一次就得到一份梯度", hint=PADDING_ROW)
def padding_gradient(m):
    embedding = m.make_embedding(6, 3)
    tokens = torch.tensor([[1, 2, 2, 0], [5, 0, 0, 0]])
    embedding(tokens).sum().backward()
    return {"weight.grad": embedding.weight.grad}


# ---- embed ------------------------------------------------------------------


@suite.case("embed looks up tokens stored as floats (2, 5) -> (2, 5, 4)",
            "embed 查找以浮点数存储的词编号 (2, 5) -> (2, 5, 4)", diagnose=float_indices, hint=LONG)
def float_tokens(m):
    embedding = seeded_embedding(9, 4, 0, seed=11)
    tokens = torch.tensor([[1.0, 4.0, 8.0, 0.0, 0.0], [3.0, 3.0, 2.0, 7.0, 0.0]])
    return m.embed(embedding, tokens)


@suite.case("embed keeps any shape: (2, 3, 4) tokens -> (2, 3, 4, 5)", "embed 保持任意形状：(2, 3, 4) 的词编号 -> (2, 3, 4, 5)",
            diagnose=float_indices, hint=LONG)
def any_shape(m):
    embedding = seeded_embedding(12, 5, None, seed=12)
    return m.embed(embedding, torch.randint(0, 12, (2, 3, 4)))


@suite.case("the highest token number, num_embeddings - 1, is valid", "最大的编号 num_embeddings - 1 是有效的",
            diagnose=float_indices)
def highest_index(m):
    embedding = seeded_embedding(6, 3, 0, seed=13)
    return m.embed(embedding, torch.tensor([5, 5, 1]))


@suite.case("token number num_embeddings raises IndexError", "编号等于 num_embeddings 时抛出 IndexError", hint=NO_CLAMP)
def one_past_the_end(m):
    embedding = seeded_embedding(6, 3, 0, seed=14)
    return m.embed(embedding, torch.tensor([1, 6]))


@suite.case("a negative token number raises IndexError", "负的编号抛出 IndexError", hint=NO_CLAMP)
def negative_index(m):
    embedding = seeded_embedding(6, 3, 0, seed=15)
    return m.embed(embedding, torch.tensor([2.0, -1.0]))


# ---- mean_embedding ---------------------------------------------------------


@suite.case("mean_embedding averages the real tokens only", "mean_embedding 只对真实的词求平均", hint=SKIP_PADDING)
def mean_real_tokens(m):
    embedding = seeded_embedding(10, 4, 0, seed=21)
    return m.mean_embedding(embedding, torch.tensor([[3, 5, 0, 0], [1, 2, 9, 0], [7, 0, 0, 0]]))


@suite.case("a sequence without padding is a plain mean", "没有填充的序列就是普通平均", hint=SKIP_PADDING)
def mean_no_padding(m):
    embedding = seeded_embedding(10, 4, 0, seed=22)
    return m.mean_embedding(embedding, torch.tensor([[3, 5, 2, 8], [1, 1, 1, 1]]))


@suite.case("a sequence made only of padding gives the zero vector", "全部是填充的序列得到零向量",
            diagnose=nan_for_empty, hint=ALL_PADDING)
def mean_all_padding(m):
    embedding = seeded_embedding(10, 4, 0, seed=23)
    return m.mean_embedding(embedding, torch.tensor([[4, 6, 0], [0, 0, 0]]))


@suite.case("mean_embedding follows embedding.padding_idx (here 3, not 0)",
            "mean_embedding 使用 embedding.padding_idx（这里是 3，不是 0）",
            hint=T("Read the padding number from embedding.padding_idx instead of assuming 0.",
                   "从 embedding.padding_idx 读取填充编号，不要假定它是 0。"))
def mean_other_padding(m):
    embedding = seeded_embedding(8, 4, 3, seed=24)
    return m.mean_embedding(embedding, torch.tensor([[0, 5, 3, 3], [2, 0, 1, 3]]))


@suite.case("gradients flow from mean_embedding back to embedding.weight", "梯度能从 mean_embedding 传回 embedding.weight",
            hint=T("Build the mean from embedding(tokens) with tensor operations; no torch.no_grad(), .detach() or "
                   ".item() on the way.",
                   "用张量运算从 embedding(tokens) 算出平均值；途中不要用 torch.no_grad()、.detach() 或 .item()。"))
def mean_gradient(m):
    embedding = seeded_embedding(8, 3, 0, seed=25)
    m.mean_embedding(embedding, torch.tensor([[1, 2, 0], [3, 3, 3]])).sum().backward()
    return {"weight.grad": embedding.weight.grad}
