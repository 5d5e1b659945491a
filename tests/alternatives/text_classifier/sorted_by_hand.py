"""Sorted longest first by hand (enforce_sorted=True); the scores put back in the batch's order."""

import torch
from torch import nn
from torch.nn.utils import rnn


class TextClassifier(nn.Module):
    def __init__(self, vocab_size, embed_dim, hidden_size, num_classes, padding_idx=0):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_dim, padding_idx=padding_idx)
        self.lstm = nn.LSTM(embed_dim, hidden_size, batch_first=True)
        self.head = nn.Linear(hidden_size, num_classes)

    def forward(self, tokens, lengths):
        order = torch.sort(lengths, descending=True, stable=True).indices
        packed = rnn.pack_padded_sequence(self.embedding(tokens[order]), lengths[order].cpu(), batch_first=True)
        h_n = self.lstm(packed)[1][0]
        scores = self.head(h_n[-1])
        return scores[torch.argsort(order)]
