# expect: pass enforce_sorted=False
"""Reference solution: padding a batch of sequences and packing it for a recurrent layer."""

import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence


def pad_batch(sequences: list[torch.Tensor], padding_value: float = 0.0) -> tuple[torch.Tensor, torch.Tensor]:
    lengths = torch.tensor([len(s) for s in sequences], dtype=torch.int64)
    return pad_sequence(sequences, batch_first=True, padding_value=padding_value), lengths


def run_packed(rnn: nn.Module, padded: torch.Tensor, lengths: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    packed = pack_padded_sequence(padded, lengths, batch_first=True)
    packed_output, state = rnn(packed)
    output, _ = pad_packed_sequence(packed_output, batch_first=True, total_length=padded.shape[1])
    h_n = state[0] if isinstance(rnn, nn.LSTM) else state
    return output, h_n[-1]
