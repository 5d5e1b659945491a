"""Padding and packing sequences / 序列的填充与打包

English
-------
Sentences, recordings and time series have different lengths, but a batch is
one rectangular tensor. So the short sequences are padded up to the longest:

    pad_sequence([a, b, c], batch_first=True, padding_value=0)
        # a: (4, F), b: (2, F), c: (3, F)  ->  (3, 4, F), zeros after b's 2 and c's 3 steps

A recurrent layer run on that tensor also reads the padding: the final
hidden state of b comes after 2 padding steps, not after b's last real step.
Packing tells the layer where each sequence ends:

    packed = pack_padded_sequence(padded, lengths, batch_first=True, enforce_sorted=False)
    packed_output, h_n = gru(packed)          # (h_n, c_n) for an LSTM
    output, lengths = pad_packed_sequence(packed_output, batch_first=True, total_length=T)

- `lengths` is a 1-D int64 tensor on the CPU, one length per sequence.
- enforce_sorted=False accepts lengths in any order (the default True
  expects them longest first).
- h_n then holds each sequence's state after its OWN last step, in the
  batch's original order; `output` has zeros after each sequence's end.
- pad_packed_sequence returns max(lengths) steps unless total_length is given.

Write:

1. `pad_batch(sequences, padding_value=0.0)`: sequences is a list of tensors
   (length_i, features) (or (length_i,)); return (padded, lengths): padded is
   (batch, max_length, features) (or (batch, max_length)) filled with
   padding_value after each sequence, and lengths the int64 tensor of lengths.
2. `run_packed(rnn, padded, lengths)`: rnn is a batch-first, one-direction
   nn.GRU or nn.LSTM. Run it on the packed batch and return (output, last):
   output (batch, T, hidden_size) with T = padded.shape[1] and zeros after each
   sequence's end; last (batch, hidden_size), the last layer's hidden state
   after each sequence's own last step.

中文
----
句子、录音和时间序列的长度各不相同，而一个批次是一个规整的矩形张量。所以要把较短的序列填充到最长的长度：

    pad_sequence([a, b, c], batch_first=True, padding_value=0)
        # a: (4, F), b: (2, F), c: (3, F)  ->  (3, 4, F)，b 的 2 步和 c 的 3 步之后都是 0

在这个张量上运行循环层时，它也会读取填充部分：b 的最终隐藏状态是在 2 个填充步之后得到的，而不是在
b 的最后一个真实步之后。打包（pack）告诉循环层每个序列在哪里结束：

    packed = pack_padded_sequence(padded, lengths, batch_first=True, enforce_sorted=False)
    packed_output, h_n = gru(packed)          # LSTM 返回 (h_n, c_n)
    output, lengths = pad_packed_sequence(packed_output, batch_first=True, total_length=T)

- `lengths` 是 CPU 上的一维 int64 张量，每个序列一个长度。
- enforce_sorted=False 允许长度以任意顺序排列（默认的 True 要求从长到短排好）。
- 这样 h_n 保存的是每个序列在它自己的最后一步之后的状态，并且保持批次原来的顺序；`output` 在每个序列
  结束之后都是 0。
- 不给 total_length 时，pad_packed_sequence 只返回 max(lengths) 步。

请实现：

1. `pad_batch(sequences, padding_value=0.0)`：sequences 是由形状为 (length_i, features)（或 (length_i,)）的
   张量组成的列表；返回 (padded, lengths)：padded 的形状为 (batch, max_length, features)（或
   (batch, max_length)），每个序列之后用 padding_value 填充；lengths 是由各长度组成的 int64 张量。
2. `run_packed(rnn, padded, lengths)`：rnn 是批次在前的单向 nn.GRU 或 nn.LSTM。在打包后的批次上运行它，
   返回 (output, last)：output 的形状为 (batch, T, hidden_size)，其中 T = padded.shape[1]，每个序列结束后
   都是 0；last 的形状为 (batch, hidden_size)，是最后一层在每个序列自己的最后一步之后的隐藏状态。

Check your work / 检查：  learn check packed_sequences
"""

import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence


def pad_batch(sequences: list[torch.Tensor], padding_value: float = 0.0) -> tuple[torch.Tensor, torch.Tensor]:
    # TODO: pad_sequence(..., batch_first=True) and the int64 lengths.
    # TODO：pad_sequence(..., batch_first=True) 以及 int64 的长度。
    raise NotImplementedError("pad_batch")


def run_packed(rnn: nn.Module, padded: torch.Tensor, lengths: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    # TODO: pack, run, unpack with total_length, take h_n[-1].
    # TODO：打包、运行、用 total_length 解包，取 h_n[-1]。
    raise NotImplementedError("run_packed")
