"""Checks for exercises/07_networks/packed_sequences.py.

run_packed gets a layer the case builds and fills with seeded weights; the
reference packs, so its values are those of each sequence run on its own.
"""

from __future__ import annotations

from grader.checks import Suite, T, lazy, load_reference_weights

torch = lazy("torch")
nn = lazy("torch.nn")

suite = Suite("packed_sequences", names=("pad_batch", "run_packed"))

PAD = T(
    "torch.nn.utils.rnn.pad_sequence(sequences, batch_first=True, padding_value=padding_value), and "
    "torch.tensor([len(s) for s in sequences], dtype=torch.int64) for the lengths.",
    "torch.nn.utils.rnn.pad_sequence(sequences, batch_first=True, padding_value=padding_value)，长度用 "
    "torch.tensor([len(s) for s in sequences], dtype=torch.int64)。",
)
PACK = T(
    "Without packing, the layer also reads the padding, and the final state of a short sequence comes after its "
    "padding steps. pack_padded_sequence(padded, lengths, batch_first=True, enforce_sorted=False) before the "
    "layer; pad_packed_sequence(..., batch_first=True, total_length=padded.shape[1]) after it.",
    "不打包的话，循环层也会读取填充部分，短序列的最终状态是在填充步之后得到的。在循环层之前调用 "
    "pack_padded_sequence(padded, lengths, batch_first=True, enforce_sorted=False)；之后调用 "
    "pad_packed_sequence(..., batch_first=True, total_length=padded.shape[1])。",
)
UNSORTED = T(
    "The lengths come in any order: pass enforce_sorted=False (the default expects them longest first), and "
    "PyTorch gives the results back in the batch's order.",
    "长度可以是任意顺序：传入 enforce_sorted=False（默认要求从长到短排好），PyTorch 会按批次原来的顺序返回结果。",
)
TOTAL_LENGTH = T(
    "pad_packed_sequence returns max(lengths) steps; pass total_length=padded.shape[1] to keep the input's length.",
    "pad_packed_sequence 只返回 max(lengths) 步；传入 total_length=padded.shape[1] 以保持输入的长度。",
)
STATE = T(
    "last is h_n[-1]: an LSTM returns (h_n, c_n), a GRU h_n. Do not read it from output[:, -1], which is zero "
    "for every sequence shorter than T.",
    "last 就是 h_n[-1]：LSTM 返回 (h_n, c_n)，GRU 返回 h_n。不要从 output[:, -1] 读取，对每个比 T 短的序列它都是 0。",
)


def sequences(lengths: list[int], features: int | None = 3) -> list:
    return [torch.randn(n, features) if features else torch.randn(n) for n in lengths]


def padded_batch(lengths: list[int], features: int, total: int | None = None):
    total = total or max(lengths)
    padded = torch.zeros(len(lengths), total, features)
    for i, n in enumerate(lengths):
        padded[i, :n] = torch.randn(n, features)
    return padded, torch.tensor(lengths)


def layer(kind: str, inputs: int, hidden: int, seed: int, **settings):
    made = (nn.LSTM if kind == "lstm" else nn.GRU)(inputs, hidden, batch_first=True, **settings)
    load_reference_weights(made, seed)
    return made


def packed_result(m, kind: str, lengths: list[int], total: int | None = None, **settings):
    padded, lens = padded_batch(lengths, 3, total)
    output, last = m.run_packed(layer(kind, 3, 4, seed=sum(lengths), **settings), padded, lens)
    return {"output": output, "last": last}


# ---- pad_batch --------------------------------------------------------------


@suite.case("pad_batch of lengths 4, 2, 3: a (3, 4, 3) batch with zeros after each end, lengths [4, 2, 3]",
            "pad_batch 处理长度 4、2、3：得到 (3, 4, 3) 的批次，每个序列结束后为 0，长度为 [4, 2, 3]", hint=PAD)
def pad_three(m):
    padded, lengths = m.pad_batch(sequences([4, 2, 3]))
    return {"padded": padded, "lengths": lengths}


@suite.case("pad_batch with padding_value=-1", "pad_batch 使用 padding_value=-1", hint=PAD)
def pad_value(m):
    padded, lengths = m.pad_batch(sequences([1, 3]), padding_value=-1.0)
    return {"padded": padded, "lengths": lengths}


@suite.case("sequences of equal length need no padding", "长度相同的序列不需要填充", hint=PAD)
def pad_equal(m):
    padded, lengths = m.pad_batch(sequences([3, 3, 3]))
    return {"padded": padded, "lengths": lengths}


@suite.case("a single sequence becomes a batch of one", "单个序列变成只含一个序列的批次", hint=PAD)
def pad_single(m):
    padded, lengths = m.pad_batch(sequences([5]))
    return {"padded": padded, "lengths": lengths}


@suite.case("1-D sequences give a (batch, max_length) batch", "一维序列得到 (batch, max_length) 的批次", hint=PAD)
def pad_one_dimensional(m):
    padded, lengths = m.pad_batch(sequences([2, 5, 1], features=None))
    return {"padded": padded, "lengths": lengths}


# ---- run_packed -------------------------------------------------------------


@suite.case("run_packed with a GRU: each sequence's state after its own last step",
            "run_packed 使用 GRU：每个序列在它自己的最后一步之后的状态", hint=PACK)
def packed_gru(m):
    return packed_result(m, "gru", [5, 2, 4])


@suite.case("run_packed with a 2-layer LSTM and lengths in no particular order",
            "run_packed 使用 2 层 LSTM，长度没有排序", hint=UNSORTED)
def packed_lstm_unsorted(m):
    return packed_result(m, "lstm", [2, 6, 3, 6], num_layers=2)


@suite.case("a sequence of length 1 next to a long one", "长度为 1 的序列与一个长序列放在一起", hint=STATE)
def packed_length_one(m):
    return packed_result(m, "gru", [1, 5])


@suite.case("padding beyond the longest sequence: output keeps T = padded.shape[1] steps",
            "填充超过最长序列时：output 保持 T = padded.shape[1] 步", hint=TOTAL_LENGTH)
def packed_total_length(m):
    return packed_result(m, "lstm", [3, 2], total=6)


@suite.case("no padding at all: the same as running the layer on the batch", "完全没有填充：与直接在批次上运行相同",
            hint=STATE)
def packed_full(m):
    return packed_result(m, "gru", [4, 4, 4])


@suite.case("the padding receives no gradient", "填充部分得不到梯度",
            hint=T("Pack the padded tensor itself (no .detach() or copies): the gradient reaches every real step and "
                   "no padding step.",
                   "直接打包 padded 这个张量（不要 .detach() 或复制）：梯度会到达每个真实的步，而不会到达填充步。"))
def packed_gradient(m):
    padded, lengths = padded_batch([4, 1, 3], 3)
    padded.requires_grad_(True)
    _, last = m.run_packed(layer("gru", 3, 4, seed=11), padded, lengths)
    last.sum().backward()
    return {"padded.grad": padded.grad}
