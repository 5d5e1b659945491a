"""Sorted longest first by hand (enforce_sorted=True), then put back in the batch's order; F.pad for padding."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence


def pad_batch(sequences, padding_value=0.0):
    longest = max(s.shape[0] for s in sequences)
    rows = []
    for s in sequences:
        widths = [0, 0] * (s.dim() - 1) + [0, longest - s.shape[0]]
        rows.append(F.pad(s, widths, value=padding_value))
    return torch.stack(rows), torch.tensor([s.shape[0] for s in sequences]).long()


def run_packed(rnn, padded, lengths):
    order = torch.argsort(lengths, descending=True, stable=True)
    back = torch.argsort(order)
    packed = pack_padded_sequence(padded[order], lengths[order], batch_first=True, enforce_sorted=True)
    result, state = rnn(packed)
    hidden = state[0] if type(state) is tuple else state
    output, _ = pad_packed_sequence(result, batch_first=True, total_length=padded.size(1))
    return output[back], hidden[-1][back]
