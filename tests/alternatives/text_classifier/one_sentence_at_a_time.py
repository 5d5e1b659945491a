"""No packing: each sentence goes through the LSTM alone, cut at its length."""

import torch
from torch import nn


class TextClassifier(nn.Module):
    def __init__(self, vocab_size, embed_dim, hidden_size, num_classes, padding_idx=0):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_dim, padding_idx)
        self.lstm = nn.LSTM(embed_dim, hidden_size, num_layers=1, batch_first=True)
        self.head = nn.Linear(hidden_size, num_classes)

    def forward(self, tokens, lengths):
        finals = []
        for row, length in zip(tokens, lengths.tolist()):
            _, (h_n, _) = self.lstm(self.embedding(row[:length]).unsqueeze(0))
            finals.append(h_n[-1, 0])
        return self.head(torch.stack(finals))
