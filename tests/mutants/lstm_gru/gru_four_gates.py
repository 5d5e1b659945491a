# expect: An LSTM has 4 gates
"""Reference solution: nn.LSTM and nn.GRU, their states and their sizes."""

import torch
from torch import nn

GATES = {"lstm": 4, "gru": 4}


def make_lstm(input_size: int, hidden_size: int, num_layers: int = 1, bidirectional: bool = False) -> nn.LSTM:
    return nn.LSTM(input_size, hidden_size, num_layers=num_layers, batch_first=True, bidirectional=bidirectional)


def final_features(rnn: nn.Module, x: torch.Tensor) -> torch.Tensor:
    _, state = rnn(x)
    h_n = state[0] if isinstance(rnn, nn.LSTM) else state
    if rnn.bidirectional:
        return torch.cat([h_n[-2], h_n[-1]], dim=-1)
    return h_n[-1]


def count_parameters(kind: str, input_size: int, hidden_size: int, num_layers: int = 1,
                     bidirectional: bool = False) -> int:
    gates = GATES[kind]
    directions = 2 if bidirectional else 1
    total = 0
    for layer in range(num_layers):
        layer_input = input_size if layer == 0 else directions * hidden_size
        per_direction = gates * hidden_size * (layer_input + hidden_size) + 2 * gates * hidden_size
        total += directions * per_direction
    return total
