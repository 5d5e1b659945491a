"""Reference solution: what goes into nn.RNN and what comes out."""

import torch
from torch import nn


def rnn_shapes(seq_len: int, batch: int, input_size: int, hidden_size: int, num_layers: int = 1,
               batch_first: bool = False, bidirectional: bool = False) -> dict[str, tuple[int, ...]]:
    directions = 2 if bidirectional else 1

    def sequence(features: int) -> tuple[int, ...]:
        # batch_first only reorders the tensors that run along the sequence.
        return (batch, seq_len, features) if batch_first else (seq_len, batch, features)

    # The hidden states have one row per layer and direction, batch second, always.
    hidden = (directions * num_layers, batch, hidden_size)
    return {
        "input": sequence(input_size),
        "h_0": hidden,
        "output": sequence(directions * hidden_size),  # both directions side by side
        "h_n": hidden,
    }


def last_hidden(rnn: nn.RNN, x: torch.Tensor) -> torch.Tensor:
    # h_n is laid out the same way for every batch_first setting (and for an
    # unbatched input it simply has no batch dimension): its last row is the
    # last layer after the final step.
    _, h_n = rnn(x)
    return h_n[-1]


def to_batch_first(x: torch.Tensor) -> torch.Tensor:
    # transpose moves the data with the dimensions; a reshape to the new shape
    # would keep the memory order and mix up time steps and sequences.
    return x.transpose(0, 1)
