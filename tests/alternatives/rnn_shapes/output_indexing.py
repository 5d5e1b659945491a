# The last step taken from `output` along the time dimension, which batch_first decides.
import torch
from torch import nn


def rnn_shapes(seq_len: int, batch: int, input_size: int, hidden_size: int, num_layers: int = 1,
               batch_first: bool = False, bidirectional: bool = False) -> dict:
    d = 2 if bidirectional else 1
    first_two = (batch, seq_len) if batch_first else (seq_len, batch)
    return {
        "input": (*first_two, input_size),
        "h_0": (d * num_layers, batch, hidden_size),
        "output": (*first_two, d * hidden_size),
        "h_n": (d * num_layers, batch, hidden_size),
    }


def last_hidden(rnn: nn.RNN, x: torch.Tensor) -> torch.Tensor:
    output, _ = rnn(x)
    if x.dim() == 2:  # one unbatched sequence: (seq_len, hidden)
        return output[-1]
    return output[:, -1] if rnn.batch_first else output[-1]


def to_batch_first(x: torch.Tensor) -> torch.Tensor:
    return x.permute(1, 0, 2)
