"""The count as a sum over the named weights (weight_ih, weight_hh, bias_ih, bias_hh) of every layer."""

import torch
from torch import nn


def make_lstm(input_size, hidden_size, num_layers=1, bidirectional=False):
    return nn.LSTM(input_size, hidden_size, num_layers=num_layers, bidirectional=bidirectional, batch_first=True)


def final_features(rnn, x):
    if isinstance(rnn, nn.LSTM):
        _, (h_n, _cell) = rnn(x)
    else:
        _, h_n = rnn(x)
    if rnn.bidirectional:
        forward, backward = h_n[-2], h_n[-1]
        return torch.hstack((forward, backward))
    return h_n[rnn.num_layers - 1]


def count_parameters(kind, input_size, hidden_size, num_layers=1, bidirectional=False):
    rows = (4 if kind == "lstm" else 3) * hidden_size
    total = 0
    for layer in range(num_layers):
        inputs = input_size if layer == 0 else hidden_size * (2 if bidirectional else 1)
        for _direction in range(2 if bidirectional else 1):
            shapes = [(rows, inputs), (rows, hidden_size), (rows,), (rows,)]
            total += sum(int(torch.Size(shape).numel()) for shape in shapes)
    return total
