"""LSTM and GRU: states, directions and sizes / LSTM 与 GRU：状态、方向与参数量

English
-------
nn.LSTM and nn.GRU are recurrent layers (like nn.RNN) with gates that decide
what to keep from step to step. They take the same arguments as nn.RNN but
return different things:

    output, h_n          = gru(x)     # nn.GRU, like nn.RNN
    output, (h_n, c_n)   = lstm(x)    # nn.LSTM: a hidden state AND a cell state

h_n (and c_n) have shape (D * num_layers, batch, hidden_size) with
D = 2 if bidirectional else 1, whatever batch_first is. Their rows go layer by
layer, and inside a layer forward first, then backward: h_n[-2] is the last
layer's forward direction, h_n[-1] its backward direction. The backward
direction reads the sequence from the end, so its final state belongs to
time step 0: output[:, -1] holds the backward direction after ONE step only.

Write:

1. `make_lstm(input_size, hidden_size, num_layers=1, bidirectional=False)`:
   an nn.LSTM that reads batch-first input (batch, seq_len, input_size).
2. `final_features(rnn, x)`: rnn is an nn.LSTM or an nn.GRU (any num_layers,
   batch_first, bidirectional); run it on x and return, for each sequence,
   the last layer's final hidden state from h_n: shape (batch, hidden_size),
   or (batch, 2 * hidden_size) when bidirectional, the forward direction's
   state followed by the backward one's (torch.cat on the last dimension).
3. `count_parameters(kind, input_size, hidden_size, num_layers=1,
   bidirectional=False)`: the number of parameters of nn.LSTM (kind "lstm")
   or nn.GRU (kind "gru") with these settings, from a formula. Each gate has
   a weight for the input, a weight for the hidden state and two biases: per
   layer and direction, gates * (hidden * (layer_input + hidden) + 2 * hidden),
   with 4 gates for an LSTM and 3 for a GRU. layer_input is input_size for
   the first layer and D * hidden_size for the layers above it.

       count_parameters("lstm", 10, 20) -> 2560

   Compare with sum(p.numel() for p in layer.parameters()) while you work.

中文
----
nn.LSTM 和 nn.GRU 是带“门”的循环层（与 nn.RNN 类似），门决定每一步保留哪些信息。它们的参数与
nn.RNN 相同，但返回值不同：

    output, h_n          = gru(x)     # nn.GRU，与 nn.RNN 相同
    output, (h_n, c_n)   = lstm(x)    # nn.LSTM：隐藏状态和细胞状态

无论 batch_first 是什么，h_n（以及 c_n）的形状都是 (D * num_layers, batch, hidden_size)，双向时
D = 2，否则 D = 1。它们的行按层排列，同一层内先正向、后反向：h_n[-2] 是最后一层的正向，h_n[-1]
是最后一层的反向。反向从序列末尾开始读，所以它的最终状态对应第 0 个时间步：output[:, -1]
里的反向部分只走了一步。

请实现：

1. `make_lstm(input_size, hidden_size, num_layers=1, bidirectional=False)`：返回一个读取
   批次在前的输入 (batch, seq_len, input_size) 的 nn.LSTM。
2. `final_features(rnn, x)`：rnn 是 nn.LSTM 或 nn.GRU（num_layers、batch_first、bidirectional
   任意）；用它处理 x，并从 h_n 中取出每个序列在最后一层的最终隐藏状态：形状为
   (batch, hidden_size)；双向时为 (batch, 2 * hidden_size)，正向的状态在前、反向的在后
   （在最后一维上 torch.cat）。
3. `count_parameters(kind, input_size, hidden_size, num_layers=1, bidirectional=False)`：
   用公式算出这些设置下 nn.LSTM（kind 为 "lstm"）或 nn.GRU（kind 为 "gru"）的参数个数。
   每个门有一个输入权重、一个隐藏状态权重和两个偏置：每层每个方向共
   gates * (hidden * (layer_input + hidden) + 2 * hidden) 个参数，LSTM 有 4 个门，GRU 有 3 个。
   第一层的 layer_input 是 input_size，上面各层是 D * hidden_size。

       count_parameters("lstm", 10, 20) -> 2560

   写的时候可以和 sum(p.numel() for p in layer.parameters()) 对照。

Check your work / 检查：  learn check lstm_gru
"""

import torch
from torch import nn


def make_lstm(input_size: int, hidden_size: int, num_layers: int = 1, bidirectional: bool = False) -> nn.LSTM:
    # TODO: an nn.LSTM for (batch, seq_len, input_size) input.
    # TODO：创建处理 (batch, seq_len, input_size) 输入的 nn.LSTM。
    raise NotImplementedError("make_lstm")


def final_features(rnn: nn.Module, x: torch.Tensor) -> torch.Tensor:
    # TODO: take h_n (an LSTM also returns c_n); join both directions when bidirectional.
    # TODO：取出 h_n（LSTM 还会返回 c_n）；双向时把两个方向拼接起来。
    raise NotImplementedError("final_features")


def count_parameters(kind: str, input_size: int, hidden_size: int, num_layers: int = 1,
                     bidirectional: bool = False) -> int:
    # TODO: add up the gates' weights and biases, layer by layer and direction by direction.
    # TODO：逐层、逐方向地把各个门的权重和偏置加起来。
    raise NotImplementedError("count_parameters")
