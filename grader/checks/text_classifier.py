"""Checks for exercises/07_networks/text_classifier.py.

The learner's model is filled with seeded weights (load_reference_weights),
so a correct model scores exactly like the reference; the padding row is set
back to zeros, as nn.Embedding keeps it.
"""

from __future__ import annotations

from grader.checks import Suite, T, lazy, load_reference_weights, parameter_summary

torch = lazy("torch")
nn = lazy("torch.nn")

suite = Suite("text_classifier", names=("TextClassifier",))

LAYERS = T(
    "Register self.embedding = nn.Embedding(vocab_size, embed_dim, padding_idx=padding_idx), self.lstm = "
    "nn.LSTM(embed_dim, hidden_size, batch_first=True) and self.head = nn.Linear(hidden_size, num_classes).",
    "注册 self.embedding = nn.Embedding(vocab_size, embed_dim, padding_idx=padding_idx)、self.lstm = "
    "nn.LSTM(embed_dim, hidden_size, batch_first=True)、self.head = nn.Linear(hidden_size, num_classes)。",
)
PACKED = T(
    "Pack before the LSTM: pack_padded_sequence(vectors, lengths.cpu(), batch_first=True, enforce_sorted=False). "
    "Unpacked, the LSTM also reads the padding, and a short sentence's final state changes with the padding after it.",
    "在 LSTM 之前打包：pack_padded_sequence(vectors, lengths.cpu(), batch_first=True, enforce_sorted=False)。"
    "不打包的话，LSTM 也会读取填充部分，短句子的最终状态会随着它后面的填充而改变。",
)
FINAL_STATE = T(
    "Classify the final hidden state: _, (h_n, c_n) = self.lstm(packed); return self.head(h_n[-1]).",
    "对最终隐藏状态分类：_, (h_n, c_n) = self.lstm(packed)；return self.head(h_n[-1])。",
)


def seeded_model(m, vocab=20, dim=6, hidden=5, classes=3, padding_idx=0, seed=17):
    model = m.TextClassifier(vocab, dim, hidden, classes, padding_idx=padding_idx)
    load_reference_weights(model, seed)
    embedding = getattr(model, "embedding", None)
    if isinstance(embedding, nn.Embedding) and embedding.padding_idx is not None:
        with torch.no_grad():
            embedding.weight[embedding.padding_idx].zero_()
    return model


def sentences(lengths: list[int], width: int | None = None, vocab: int = 20, padding_idx: int = 0):
    width = width or max(lengths)
    tokens = torch.full((len(lengths), width), padding_idx, dtype=torch.long)
    for row, n in enumerate(lengths):
        real = torch.randint(1, vocab, (n,))
        real[real == padding_idx] = 1 if padding_idx != 1 else 2
        tokens[row, :n] = real
    return tokens, torch.tensor(lengths)


@suite.case("TextClassifier(20, 6, 5, 3) registers embedding, lstm and head with these shapes",
            "TextClassifier(20, 6, 5, 3) 注册了 embedding、lstm 和 head，形状如下", hint=LAYERS)
def layers(m):
    model = m.TextClassifier(20, 6, 5, 3)
    return {"parameters": parameter_summary(model),
            "padding_idx": getattr(getattr(model, "embedding", None), "padding_idx", "no self.embedding"),
            "lstm batch_first": getattr(getattr(model, "lstm", None), "batch_first", "no self.lstm")}


@suite.case("scores of a batch of 3 sentences of lengths 5, 2, 4: (3, 3)", "长度为 5、2、4 的 3 个句子的分数：(3, 3)",
            hint=PACKED)
def scores(m):
    model = seeded_model(m)
    return model(*sentences([5, 2, 4]))


@suite.case("more padding after the sentences changes no score", "句子后面多加填充不会改变任何分数", hint=PACKED)
def padding_invariance(m):
    model = seeded_model(m, seed=18)
    tokens, lengths = sentences([4, 1, 3])
    wider = torch.cat([tokens, torch.zeros(3, 5, dtype=torch.long)], dim=1)
    with torch.no_grad():
        return {"scores": model(tokens, lengths), "scores with 5 more padding steps": model(wider, lengths)}


@suite.case("sentences of equal length, no padding", "长度相同、没有填充的句子", hint=FINAL_STATE)
def no_padding(m):
    model = seeded_model(m, seed=19)
    return model(*sentences([4, 4]))


@suite.case("a one-word sentence", "只有一个词的句子", hint=FINAL_STATE)
def one_word(m):
    model = seeded_model(m, seed=20)
    return model(*sentences([1, 6, 2]))


@suite.case("another padding_idx (7) is respected", "另一个 padding_idx（7）也被遵守", hint=LAYERS)
def other_padding(m):
    model = seeded_model(m, padding_idx=7, seed=21)
    tokens, lengths = sentences([3, 5], padding_idx=7)
    return {"padding_idx": model.embedding.padding_idx, "scores": model(tokens, lengths)}


@suite.case("a batch of one sentence", "只含一个句子的批次", hint=FINAL_STATE)
def single(m):
    model = seeded_model(m, seed=22)
    return model(*sentences([6]))


@suite.case("gradients reach every layer, and never the padding row", "梯度到达每一层，但从不到达填充行", hint=PACKED)
def gradients(m):
    model = seeded_model(m, seed=23)
    model(*sentences([5, 3, 2])).sum().backward()
    return {name: param.grad for name, param in model.named_parameters()}
