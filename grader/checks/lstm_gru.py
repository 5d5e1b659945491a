"""Checks for exercises/07_networks/lstm_gru.py.

final_features gets a layer the case builds and fills with seeded weights, so
its values are compared exactly; count_parameters is compared number by number.
"""

from __future__ import annotations

import random

import numpy as np

from grader.checks import (
    ErrorRecord,
    Suite,
    T,
    TensorRecord,
    lazy,
    load_reference_weights,
    parameter_summary,
    sweep_diagnosis,
)

torch = lazy("torch")
nn = lazy("torch.nn")

suite = Suite("lstm_gru", names=("make_lstm", "final_features", "count_parameters"))

BOTH_DIRECTIONS = T(
    "A bidirectional layer has two final states in its last layer: h_n[-2] (forward) and h_n[-1] (backward). "
    "Return torch.cat([h_n[-2], h_n[-1]], dim=-1), shape (batch, 2 * hidden_size).",
    "双向层的最后一层有两个最终状态：h_n[-2]（正向）和 h_n[-1]（反向）。请返回 "
    "torch.cat([h_n[-2], h_n[-1]], dim=-1)，形状为 (batch, 2 * hidden_size)。",
)
ONE_STEP_BACKWARD = T(
    "The forward half is right but the backward half is not: output[:, -1] (or output[-1]) holds the backward "
    "direction after reading only the last time step. Its final state is in h_n[-1].",
    "正向的一半是对的，反向的一半不对：output[:, -1]（或 output[-1]）里的反向部分只读了最后一个时间步。"
    "反向的最终状态在 h_n[-1] 中。",
)
TUPLES = T(
    "nn.LSTM returns output, (h_n, c_n); nn.GRU returns output, h_n. Take h_n from the right place for each "
    "(isinstance(rnn, nn.LSTM)).",
    "nn.LSTM 返回 output, (h_n, c_n)；nn.GRU 返回 output, h_n。请按各自的方式取出 h_n"
    "（用 isinstance(rnn, nn.LSTM) 区分）。",
)
HIDDEN_NOT_CELL = T(
    "The features are the hidden state h_n, not the cell state c_n (the LSTM's internal memory).",
    "特征是隐藏状态 h_n，而不是细胞状态 c_n（LSTM 内部的记忆）。",
)
GATE_COUNT = T(
    "An LSTM has 4 gates (input, forget, cell, output), a GRU 3 (reset, update, new). Each gate has its own "
    "input weight, hidden weight and two biases (bias_ih and bias_hh).",
    "LSTM 有 4 个门（输入门、遗忘门、细胞门、输出门），GRU 有 3 个（重置门、更新门、新状态）。每个门都有自己的"
    "输入权重、隐藏权重和两个偏置（bias_ih 和 bias_hh）。",
)
UPPER_LAYERS = T(
    "The layers above the first read the layer below: their layer_input is D * hidden_size, not input_size.",
    "第一层以上的各层读取下一层的输出：它们的 layer_input 是 D * hidden_size，而不是 input_size。",
)
DIRECTIONS = T(
    "A bidirectional layer has a full set of weights per direction: count every layer twice.",
    "双向层的每个方向都有一整套权重：每一层都要算两次。",
)

#: (kind, input_size, hidden_size, num_layers, bidirectional), from a fixed generator
SWEEP = [
    (rng.choice(["lstm", "gru"]), rng.randint(1, 40), rng.randint(1, 40), rng.randint(1, 4), rng.random() < 0.5)
    for rng in [random.Random(735)]
    for _ in range(30)
]


def seeded(layer, seed: int):
    load_reference_weights(layer, seed)
    return layer


def name_feature_mistake(got, expected) -> T | None:
    if isinstance(got, ErrorRecord) and ("unpack" in got.message or "not enough values" in got.message):
        return TUPLES
    if not (isinstance(got, TensorRecord) and isinstance(expected, TensorRecord)):
        return None
    mine, theirs = got.values, expected.values
    if mine is None or theirs is None:
        return None
    if mine.ndim == 2 and theirs.ndim == 2 and mine.shape[0] == theirs.shape[0]:
        if 2 * mine.shape[1] == theirs.shape[1]:
            return BOTH_DIRECTIONS
        if mine.shape == theirs.shape and theirs.shape[1] % 2 == 0:
            half = theirs.shape[1] // 2
            if np.allclose(mine[:, :half], theirs[:, :half], atol=1e-5) and not np.allclose(
                    mine[:, half:], theirs[:, half:], atol=1e-5):
                return ONE_STEP_BACKWARD
    return None


def features_case(en: str, zh: str, kind: str, x_shape: tuple[int, ...], hint: T | None = None, **settings):
    @suite.case(en, zh, diagnose=name_feature_mistake, hint=hint)
    def run(m):
        layer_class = nn.LSTM if kind == "lstm" else nn.GRU
        layer = seeded(layer_class(x_shape[-1], 6, **settings), seed=len(en))
        return m.final_features(layer, torch.randn(*x_shape))


# ---- make_lstm --------------------------------------------------------------


@suite.case("make_lstm(10, 20) is an nn.LSTM that reads (batch, seq_len, 10)",
            "make_lstm(10, 20) 是读取 (batch, seq_len, 10) 的 nn.LSTM",
            hint=T("nn.LSTM(input_size, hidden_size, num_layers=num_layers, batch_first=True, "
                   "bidirectional=bidirectional).",
                   "nn.LSTM(input_size, hidden_size, num_layers=num_layers, batch_first=True, "
                   "bidirectional=bidirectional)。"))
def lstm_default(m):
    lstm = m.make_lstm(10, 20)
    output, (h_n, c_n) = lstm(torch.randn(3, 7, 10))
    return {"is an nn.LSTM": isinstance(lstm, nn.LSTM), "batch_first": lstm.batch_first,
            "parameters": parameter_summary(lstm),
            "output shape for (3, 7, 10)": list(output.shape), "h_n shape": list(h_n.shape),
            "c_n shape": list(c_n.shape)}


@suite.case("make_lstm(6, 8, num_layers=2, bidirectional=True): 4 rows of states, 16 output features",
            "make_lstm(6, 8, num_layers=2, bidirectional=True)：状态有 4 行，输出有 16 个特征",
            hint=T("Pass num_layers and bidirectional on to nn.LSTM.", "把 num_layers 和 bidirectional 传给 nn.LSTM。"))
def lstm_stacked(m):
    lstm = m.make_lstm(6, 8, num_layers=2, bidirectional=True)
    output, (h_n, c_n) = lstm(torch.randn(2, 5, 6))
    return {"batch_first": lstm.batch_first, "parameters": parameter_summary(lstm),
            "output shape for (2, 5, 6)": list(output.shape), "h_n shape": list(h_n.shape),
            "c_n shape": list(c_n.shape)}


# ---- final_features ---------------------------------------------------------

features_case("final_features of a batch-first LSTM on (3, 5, 4)", "批次在前的 LSTM 处理 (3, 5, 4) 的 final_features",
              "lstm", (3, 5, 4), hint=HIDDEN_NOT_CELL, batch_first=True)
features_case("final_features of a 2-layer GRU on (5, 3, 4), time first",
              "2 层 GRU 处理时间在前的 (5, 3, 4) 的 final_features", "gru", (5, 3, 4), hint=TUPLES, num_layers=2)
features_case("a bidirectional batch-first LSTM gives (batch, 2 * hidden_size)",
              "双向、批次在前的 LSTM 得到 (batch, 2 * hidden_size)", "lstm", (4, 6, 3), hint=BOTH_DIRECTIONS,
              batch_first=True, bidirectional=True)
features_case("a 3-layer bidirectional GRU, time first: forward then backward of the top layer",
              "3 层双向 GRU，时间在前：最上层的正向在前、反向在后", "gru", (7, 2, 5), hint=BOTH_DIRECTIONS,
              num_layers=3, bidirectional=True)
features_case("sequences of a single step (seq_len = 1)", "只有一个时间步的序列（seq_len = 1）",
              "lstm", (4, 1, 3), num_layers=2, batch_first=True, bidirectional=True)
features_case("a batch of one sequence (batch = 1)", "只含一个序列的批次（batch = 1）",
              "gru", (1, 4, 3), batch_first=True)


@suite.case("gradients flow from final_features back to the input", "梯度能从 final_features 传回输入",
            hint=T("Return slices of h_n (and their torch.cat); no .detach() or torch.no_grad().",
                   "返回 h_n 的切片（以及它们的 torch.cat）；不要 .detach()，也不要 torch.no_grad()。"))
def features_gradient(m):
    lstm = seeded(nn.LSTM(3, 4, num_layers=2, bidirectional=True, batch_first=True), seed=5)
    x = torch.randn(2, 5, 3, requires_grad=True)
    m.final_features(lstm, x).sum().backward()
    return {"x.grad": x.grad}


# ---- count_parameters -------------------------------------------------------


@suite.case("count_parameters('lstm', 10, 20) = 2560", "count_parameters('lstm', 10, 20) = 2560", hint=GATE_COUNT)
def count_lstm(m):
    return m.count_parameters("lstm", 10, 20)


@suite.case("count_parameters('gru', 10, 20): 3 gates", "count_parameters('gru', 10, 20)：3 个门", hint=GATE_COUNT)
def count_gru(m):
    return m.count_parameters("gru", 10, 20)


@suite.case("two stacked layers: the second reads hidden_size features", "两层堆叠：第二层读取 hidden_size 个特征",
            hint=UPPER_LAYERS)
def count_stacked(m):
    return [m.count_parameters("lstm", 10, 20, num_layers=2), m.count_parameters("gru", 3, 7, num_layers=2)]


@suite.case("bidirectional: two directions, and upper layers read 2 * hidden_size",
            "双向：两个方向，上面的层读取 2 * hidden_size 个特征", hint=DIRECTIONS)
def count_bidirectional(m):
    return [m.count_parameters("gru", 10, 20, bidirectional=True),
            m.count_parameters("lstm", 5, 8, num_layers=2, bidirectional=True)]


@suite.case("30 random settings, as nn.LSTM and nn.GRU count them", "30 组随机设置，与 nn.LSTM、nn.GRU 的实际参数量一致",
            points=2, diagnose=sweep_diagnosis(
                SWEEP, lambda p: f"kind={p[0]!r}, input_size={p[1]}, hidden_size={p[2]}, num_layers={p[3]}, "
                                 f"bidirectional={p[4]}", lambda got, params: None))
def count_sweep(m):
    return [m.count_parameters(kind, i, h, num_layers=n, bidirectional=b) for kind, i, h, n, b in SWEEP]
