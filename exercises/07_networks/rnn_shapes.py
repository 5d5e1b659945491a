"""The shapes of nn.RNN / nn.RNN 的各种形状

English
-------
A recurrent layer reads a sequence one step at a time and carries a hidden
state from step to step (the notes: nn.RNN, an Elman RNN with tanh).
nn.RNN(input_size, hidden_size, num_layers=1, batch_first=False,
bidirectional=False) is called as  output, h_n = rnn(x, h_0)  (h_0 is
optional and defaults to zeros). With D = 2 if bidirectional else 1:

    x       (seq_len, batch, input_size)          (batch, seq_len, input_size) if batch_first
    h_0     (D * num_layers, batch, hidden_size)   ALWAYS this order
    output  (seq_len, batch, D * hidden_size)     (batch, seq_len, D * hidden_size) if batch_first
    h_n     (D * num_layers, batch, hidden_size)   ALWAYS this order

output holds the LAST layer's hidden state at EVERY step; h_n holds EVERY
layer's (and direction's) hidden state at the LAST step. batch_first only
changes x and output: h_0 and h_n keep the batch in dimension 1.

Write:

1. `rnn_shapes(seq_len, batch, input_size, hidden_size, num_layers=1,
   batch_first=False, bidirectional=False)`: a dict with the keys "input",
   "h_0", "output" and "h_n", each a tuple of ints, without running an RNN.

       rnn_shapes(5, 3, 10, 20)["output"] -> (5, 3, 20)

2. `last_hidden(rnn, x)`: run the given single-direction nn.RNN on x and
   return the last layer's hidden state after the final step, for each
   sequence: shape (batch, hidden_size), or (hidden_size,) when x is one
   unbatched sequence (seq_len, input_size). It must work whatever
   rnn.batch_first and rnn.num_layers are. (Careful: output[-1] is the
   last step only when batch_first is False.)
3. `to_batch_first(x)`: turn (seq_len, batch, features) into
   (batch, seq_len, features), moving the data with it.

中文
----
循环层一步一步地读取序列，并把隐藏状态从一步传到下一步（笔记中的 nn.RNN 是一个使用
tanh 的 Elman RNN）。nn.RNN(input_size, hidden_size, num_layers=1, batch_first=False,
bidirectional=False) 的调用方式是 output, h_n = rnn(x, h_0)（h_0 可省略，默认全 0）。
设 D = 2（双向）或 1（单向），各形状如下：

    x       (seq_len, batch, input_size)          batch_first 时为 (batch, seq_len, input_size)
    h_0     (D * num_layers, batch, hidden_size)   始终是这个顺序
    output  (seq_len, batch, D * hidden_size)     batch_first 时为 (batch, seq_len, D * hidden_size)
    h_n     (D * num_layers, batch, hidden_size)   始终是这个顺序

output 保存最后一层在每一个时间步的隐藏状态；h_n 保存每一层（和每个方向）在最后一个
时间步的隐藏状态。batch_first 只改变 x 和 output：h_0 和 h_n 的批次始终在第 1 维。

请实现：

1. `rnn_shapes(seq_len, batch, input_size, hidden_size, num_layers=1, batch_first=False,
   bidirectional=False)`：不运行 RNN，返回一个字典，键为 "input"、"h_0"、"output"、"h_n"，每个值都是由 int
   组成的元组。

       rnn_shapes(5, 3, 10, 20)["output"] -> (5, 3, 20)

2. `last_hidden(rnn, x)`：用给定的单向 nn.RNN 处理 x，返回每个序列在最后一步之后
   最后一层的隐藏状态：形状为 (batch, hidden_size)；如果 x 是单个不带批次的序列
   (seq_len, input_size)，则为 (hidden_size,)。无论 rnn.batch_first 和 rnn.num_layers
   是什么都要正确。（小心：只有 batch_first 为 False 时，output[-1] 才是最后一步。）
3. `to_batch_first(x)`：把 (seq_len, batch, features) 变成 (batch, seq_len, features)，
   数据也要跟着移动。

Check your work / 检查：  learn check rnn_shapes
"""

import torch
from torch import nn


def rnn_shapes(seq_len: int, batch: int, input_size: int, hidden_size: int, num_layers: int = 1,
               batch_first: bool = False, bidirectional: bool = False) -> dict[str, tuple[int, ...]]:
    # TODO: the four shapes from the table above.
    # TODO：按上面的表格给出四个形状。
    raise NotImplementedError("rnn_shapes")


def last_hidden(rnn: nn.RNN, x: torch.Tensor) -> torch.Tensor:
    # TODO: output, h_n = rnn(x); pick the last layer's final hidden state.
    # TODO：output, h_n = rnn(x)；取出最后一层的最终隐藏状态。
    raise NotImplementedError("last_hidden")


def to_batch_first(x: torch.Tensor) -> torch.Tensor:
    # TODO: swap the first two dimensions (not a reshape!).
    # TODO：交换前两个维度（不是 reshape！）。
    raise NotImplementedError("to_batch_first")
