"""No packing at all: each sequence runs alone, cut at its length; the batch is padded by hand."""

import torch
from torch import nn


def pad_batch(sequences, padding_value=0.0):
    longest = max(len(s) for s in sequences)
    padded = torch.full((len(sequences), longest, *sequences[0].shape[1:]), padding_value,
                        dtype=sequences[0].dtype)
    for row, sequence in enumerate(sequences):
        padded[row, :len(sequence)] = sequence
    return padded, torch.tensor([len(s) for s in sequences], dtype=torch.long)


def run_packed(rnn, padded, lengths):
    outputs, lasts = [], []
    for row, length in enumerate(lengths.tolist()):
        output, state = rnn(padded[row:row + 1, :length])
        h_n = state[0] if isinstance(rnn, nn.LSTM) else state
        filler = output.new_zeros(1, padded.shape[1] - length, output.shape[2])
        outputs.append(torch.cat([output, filler], dim=1))
        lasts.append(h_n[-1])
    return torch.cat(outputs), torch.cat(lasts)
