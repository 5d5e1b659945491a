"""pack_sequence over the unpadded slices; padding built time-first and transposed."""

import torch
from torch import nn
from torch.nn.utils import rnn as rnn_utils


def pad_batch(sequences, padding_value=0.0):
    time_first = rnn_utils.pad_sequence(sequences, padding_value=padding_value)
    return time_first.transpose(0, 1), torch.as_tensor([len(s) for s in sequences], dtype=torch.int64)


def run_packed(rnn, padded, lengths):
    pieces = [padded[i, :n] for i, n in enumerate(lengths.tolist())]
    packed = rnn_utils.pack_sequence(pieces, enforce_sorted=False)
    out, state = rnn(packed)
    output, _ = rnn_utils.pad_packed_sequence(out, batch_first=True, total_length=padded.shape[1])
    if isinstance(rnn, nn.LSTM):
        state = state[0]
    return output, state[rnn.num_layers - 1]
