"""A text classifier: embedding, LSTM, linear / 文本分类器：词嵌入、LSTM、线性层

English
-------
This puts the last three exercises together. A batch of sentences arrives as
token numbers (batch, max_length), padded with padding_idx after each
sentence, with a tensor of the true lengths. The classifier

1. looks every token up in an nn.Embedding(vocab_size, embed_dim,
   padding_idx=padding_idx)  ->  (batch, max_length, embed_dim);
2. runs a one-layer, batch-first nn.LSTM(embed_dim, hidden_size) on the
   PACKED vectors, so that each sentence's final hidden state comes after its
   own last token, not after its padding;
3. maps that final hidden state h_n[-1] (batch, hidden_size) to class scores
   with nn.Linear(hidden_size, num_classes)  ->  (batch, num_classes).

Write `TextClassifier(vocab_size, embed_dim, hidden_size, num_classes,
padding_idx=0)` with the layers registered under these names:
`self.embedding`, `self.lstm`, `self.head`; and `forward(tokens, lengths)`
returning the scores. The scores of a sentence depend only on its real
tokens: more padding after it changes nothing.

中文
----
这道题把前三道题结合起来。一批句子以词编号 (batch, max_length) 的形式到来，每个句子之后用 padding_idx 补齐，
同时给出各句真实长度组成的张量。分类器：

1. 在 nn.Embedding(vocab_size, embed_dim, padding_idx=padding_idx) 中查找每个词  ->  (batch, max_length, embed_dim)；
2. 在打包（pack）后的向量上运行单层、批次在前的 nn.LSTM(embed_dim, hidden_size)，使每个句子的最终隐藏状态
   来自它自己的最后一个词，而不是填充部分；
3. 用 nn.Linear(hidden_size, num_classes) 把最终隐藏状态 h_n[-1] (batch, hidden_size) 映射为各类别的分数
   ->  (batch, num_classes)。

请实现 `TextClassifier(vocab_size, embed_dim, hidden_size, num_classes, padding_idx=0)`，用这些名字
注册各层：`self.embedding`、`self.lstm`、`self.head`；以及返回分数的 `forward(tokens, lengths)`。
一个句子的分数只取决于它的真实词：在它后面多加填充不会改变任何结果。

Check your work / 检查：  learn check text_classifier
"""

import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence


class TextClassifier(nn.Module):
    def __init__(self, vocab_size: int, embed_dim: int, hidden_size: int, num_classes: int, padding_idx: int = 0):
        super().__init__()
        # TODO: self.embedding, self.lstm, self.head.
        # TODO：创建 self.embedding、self.lstm、self.head。
        raise NotImplementedError("TextClassifier.__init__")

    def forward(self, tokens: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        # TODO: embed, pack, run the LSTM, classify h_n[-1].
        # TODO：查词向量、打包、运行 LSTM、对 h_n[-1] 分类。
        raise NotImplementedError("TextClassifier.forward")
