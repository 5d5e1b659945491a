"""Final states read from output (last step forward, first step backward); sizes counted on real layers."""

import torch
from torch import nn


def make_lstm(input_size, hidden_size, num_layers=1, bidirectional=False):
    return nn.LSTM(input_size=input_size, hidden_size=hidden_size, num_layers=num_layers,
                   bidirectional=bidirectional, batch_first=True)


def final_features(rnn, x):
    output, _ = rnn(x)
    if rnn.batch_first:
        output = output.transpose(0, 1)
    hidden = rnn.hidden_size
    if not rnn.bidirectional:
        return output[-1]
    return torch.cat([output[-1, :, :hidden], output[0, :, hidden:]], dim=1)


def count_parameters(kind, input_size, hidden_size, num_layers=1, bidirectional=False):
    layer_class = {"lstm": nn.LSTM, "gru": nn.GRU}[kind]
    layer = layer_class(input_size, hidden_size, num_layers=num_layers, bidirectional=bidirectional)
    return sum(p.numel() for p in layer.parameters())
