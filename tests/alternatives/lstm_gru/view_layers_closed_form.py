"""h_n viewed as (num_layers, directions, batch, hidden); a closed form for the count."""

from torch import nn


def make_lstm(input_size, hidden_size, num_layers=1, bidirectional=False):
    lstm = nn.LSTM(input_size, hidden_size, num_layers, True, True, 0.0, bidirectional)
    return lstm


def final_features(rnn, x):
    result = rnn(x)[1]
    h_n = result[0] if isinstance(result, tuple) else result
    directions = 2 if rnn.bidirectional else 1
    batch = h_n.shape[1]
    top = h_n.view(rnn.num_layers, directions, batch, rnn.hidden_size)[-1]
    return top.transpose(0, 1).reshape(batch, directions * rnn.hidden_size)


def count_parameters(kind, input_size, hidden_size, num_layers=1, bidirectional=False):
    gates = 4 if kind == "lstm" else 3
    d = 2 if bidirectional else 1
    h = hidden_size
    first = d * gates * (h * input_size + h * h + 2 * h)
    upper = d * gates * (h * d * h + h * h + 2 * h)
    return first + (num_layers - 1) * upper
