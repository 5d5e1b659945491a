"""Checks for exercises/07_networks/rnn_shapes.py."""

from __future__ import annotations

import random

import numpy as np

from grader.checks import SENTENCES, TORCH_AND_DYNAMO, Suite, T, TensorRecord, lazy

torch = lazy("torch")
nn = lazy("torch.nn")

NEEDS = TORCH_AND_DYNAMO

suite = Suite("rnn_shapes", names=("rnn_shapes", "last_hidden", "to_batch_first"), needs=NEEDS)

KEYS = ("input", "h_0", "output", "h_n")

#: (seq_len, batch, input_size, hidden_size, num_layers, batch_first, bidirectional), from a fixed generator
SWEEP = [
    (rng.randint(1, 9), rng.randint(1, 9), rng.randint(1, 9), rng.randint(1, 9), rng.randint(1, 4),
     rng.random() < 0.5, rng.random() < 0.5)
    for rng in [random.Random(730)]
    for _ in range(40)
]

BATCH_FIRST_OUTPUT = T(
    "With batch_first=True the time axis of output is dimension 1: the last step is output[:, -1], not output[-1] "
    "(which is the last sequence of the batch). h_n[-1] is right in both layouts.",
    "batch_first=True 时 output 的时间维是第 1 维：最后一步是 output[:, -1]，而不是 output[-1]"
    "（那是批次中的最后一个序列）。h_n[-1] 在两种布局下都是对的。",
)


def name_shape_mistake(got, params) -> T | None:
    """Explain a wrong rnn_shapes answer for one combination of parameters."""
    if not isinstance(got, dict) or not all(isinstance(got.get(k), (list, tuple)) for k in KEYS):
        return None
    _seq_len, batch, _, hidden, layers, batch_first, bidirectional = params
    directions = 2 if bidirectional else 1
    h_n, output = list(got["h_n"]), list(got["output"])
    if batch_first and batch != directions * layers and h_n[:2] == [batch, directions * layers]:
        return T("batch_first=True changes only input and output. h_0 and h_n stay (D * num_layers, batch, "
                 "hidden_size), batch in dimension 1.",
                 "batch_first=True 只改变 input 和 output。h_0 和 h_n 仍然是 (D * num_layers, batch, hidden_size)，"
                 "批次在第 1 维。")
    if bidirectional and output and output[-1] == hidden:
        return T("A bidirectional RNN puts both directions side by side in output: its last dimension is "
                 "2 * hidden_size.",
                 "双向 RNN 在 output 中把两个方向并排放在一起：最后一维是 2 * hidden_size。")
    if h_n and h_n[0] != directions * layers and h_n[0] in (layers, directions, 1):
        return T("h_n (and h_0) have one row per layer AND direction: D * num_layers rows, D = 2 if bidirectional "
                 "else 1.",
                 "h_n（以及 h_0）每一层、每个方向各占一行：共 D * num_layers 行，双向时 D = 2，否则为 1。")
    return None


def shape_case(en: str, zh: str, *params):
    @suite.case(en, zh, diagnose=lambda got, expected: name_shape_mistake(got, params))
    def run(m):
        return m.rnn_shapes(*params[:4], num_layers=params[4], batch_first=params[5], bidirectional=params[6])


def sweep_mistake(got, expected):
    if not isinstance(got, list) or not isinstance(expected, list) or len(got) != len(expected):
        return None
    for params, mine, theirs in zip(SWEEP, got, expected):
        if mine != theirs:
            s, b, i, h, layers, bf, bd = params
            first = T(
                f"First wrong combination: seq_len={s}, batch={b}, input_size={i}, hidden_size={h}, "
                f"num_layers={layers}, batch_first={bf}, bidirectional={bd}.",
                f"第一个出错的组合：seq_len={s}, batch={b}, input_size={i}, hidden_size={h}, "
                f"num_layers={layers}, batch_first={bf}, bidirectional={bd}。",
            )
            named = name_shape_mistake(mine, params)
            return SENTENCES.join([first, named]) if named else first
    return None


def scrambled(got, expected):
    """The same numbers, in the wrong places: a reshape instead of a transpose."""
    if isinstance(got, TensorRecord) and isinstance(expected, TensorRecord) and got.values is not None \
            and expected.values is not None:
        if got.values.shape == expected.values.shape and not np.allclose(got.values, expected.values):
            if np.allclose(np.sort(got.values, axis=None), np.sort(expected.values, axis=None)):
                return T("Your result has the right numbers in the wrong places: reshape/view keep the memory order, "
                         "so time steps and sequences get mixed. Swap the dimensions with x.transpose(0, 1) "
                         "(or x.permute(1, 0, 2)).",
                         "你的结果数字都对，但位置错了：reshape/view 保持内存顺序，会把时间步和序列混在一起。"
                         "请用 x.transpose(0, 1)（或 x.permute(1, 0, 2)）交换维度。")
    return None


# ---- rnn_shapes -------------------------------------------------------------

shape_case("RNN(10, 20) on 5 steps of a batch of 3", "RNN(10, 20) 处理批大小为 3、长度为 5 的序列",
           5, 3, 10, 20, 1, False, False)
shape_case("batch_first=True reorders input and output only", "batch_first=True 只改变 input 和 output 的维度顺序",
           5, 3, 10, 20, 1, True, False)
shape_case("num_layers=2: h_0 and h_n have one row per layer", "num_layers=2：h_0 和 h_n 每层一行",
           5, 3, 10, 20, 2, False, False)
shape_case("bidirectional with 2 layers: 2 * hidden_size features, 4 hidden rows",
           "双向、2 层：2 * hidden_size 个特征，4 行隐藏状态", 7, 4, 8, 16, 2, False, True)
shape_case("3 layers, bidirectional and batch_first together", "3 层、双向、batch_first 同时使用",
           6, 2, 3, 5, 3, True, True)


@suite.case("40 random combinations, as nn.RNN produces them", "40 组随机组合，与 nn.RNN 的实际结果一致",
            points=2, diagnose=sweep_mistake)
def sweep(m):
    return [m.rnn_shapes(s, b, i, h, num_layers=n, batch_first=bf, bidirectional=bd) for s, b, i, h, n, bf, bd in SWEEP]


# ---- last_hidden ------------------------------------------------------------


@suite.case("last_hidden of RNN(10, 20) on (5, 3, 10) is (3, 20)", "RNN(10, 20) 处理 (5, 3, 10) 时 last_hidden 为 (3, 20)",
            hint=T("output, h_n = rnn(x); h_n[-1] is the last layer after the final step.",
                   "output, h_n = rnn(x)；h_n[-1] 就是最后一层在最后一步之后的状态。"))
def last_default(m):
    rnn = nn.RNN(10, 20)
    x = torch.randn(5, 3, 10)
    return m.last_hidden(rnn, x)


@suite.case("last_hidden with batch_first=True on (3, 5, 10)", "batch_first=True 时 last_hidden 处理 (3, 5, 10)",
            hint=BATCH_FIRST_OUTPUT)
def last_batch_first(m):
    rnn = nn.RNN(10, 20, batch_first=True)
    x = torch.randn(3, 5, 10)
    return m.last_hidden(rnn, x)


@suite.case("last_hidden of a 2-layer RNN is the top layer's state", "2 层 RNN 的 last_hidden 是最上面一层的状态",
            hint=T("h_n[0] is the FIRST layer; the last layer, which feeds output, is h_n[-1].",
                   "h_n[0] 是第一层；最后一层（也就是产生 output 的那一层）是 h_n[-1]。"))
def last_two_layers(m):
    rnn = nn.RNN(6, 8, num_layers=2)
    x = torch.randn(7, 4, 6)
    return m.last_hidden(rnn, x)


@suite.case("gradients flow from last_hidden back to the input", "梯度能从 last_hidden 传回输入",
            hint=T("Return a slice of the RNN's result; do not detach it or rebuild it.",
                   "返回 RNN 结果的一个切片；不要 detach，也不要重新创建张量。"))
def last_gradients(m):
    rnn = nn.RNN(4, 6, num_layers=2)
    x = torch.randn(5, 2, 4, requires_grad=True)
    h = m.last_hidden(rnn, x)
    h.sum().backward()
    return {"last hidden": h, "x": x}


@suite.case("an unbatched sequence (seq_len, input_size) gives (hidden_size,)",
            "不带批次的单个序列 (seq_len, input_size) 得到 (hidden_size,)", hint=BATCH_FIRST_OUTPUT)
def last_unbatched(m):
    rnn = nn.RNN(10, 20, batch_first=True)
    x = torch.randn(5, 10)
    return m.last_hidden(rnn, x)


@suite.case("last_hidden on another device (meta)", "last_hidden 在其他设备（meta）上运行",
            hint=T("Let the RNN create its own initial state; do not build h_0 on the CPU.",
                   "让 RNN 自己创建初始状态；不要在 CPU 上构造 h_0。"))
def last_meta(m):
    rnn = nn.RNN(10, 20, num_layers=2).to("meta")
    return m.last_hidden(rnn, torch.empty(5, 3, 10, device="meta"))


# ---- to_batch_first ---------------------------------------------------------


@suite.case("to_batch_first turns (5, 3, 10) into (3, 5, 10), data included",
            "to_batch_first 把 (5, 3, 10) 变成 (3, 5, 10)，数据也跟着移动",
            diagnose=scrambled,
            hint=T("Sequence b at step t is x[t, b] before and result[b, t] after.",
                   "第 b 个序列在第 t 步的值，转换前是 x[t, b]，转换后应是 result[b, t]。"))
def swap_dims(m):
    return m.to_batch_first(torch.randn(5, 3, 10))


@suite.case("a batch_first RNN on to_batch_first(x) gives the same sequences as the original RNN on x",
            "batch_first 的 RNN 处理 to_batch_first(x) 得到与原 RNN 处理 x 相同的序列",
            diagnose=scrambled, atol=1e-4,
            hint=T("Both RNNs hold the same weights; only the layout differs. If the outputs differ, to_batch_first "
                   "moved the numbers, not just the shape.",
                   "两个 RNN 的权重相同，只是布局不同。如果输出不同，说明 to_batch_first 打乱了数字，而不只是改变了形状。"))
def same_run(m):
    seq_major = nn.RNN(4, 6)
    batch_major = nn.RNN(4, 6, batch_first=True)
    batch_major.load_state_dict(seq_major.state_dict())
    x = torch.randn(7, 2, 4)
    output, _ = batch_major(m.to_batch_first(x))
    return output
