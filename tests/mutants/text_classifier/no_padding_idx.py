# expect: Register self.embedding = nn.Embedding(vocab_size, embed_dim, padding_idx=padding_idx)
"""Reference solution: embedding, packed LSTM and a linear head for sentences of different lengths."""

import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence


class TextClassifier(nn.Module):
    def __init__(self, vocab_size: int, embed_dim: int, hidden_size: int, num_classes: int, padding_idx: int = 0):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_dim)
        self.lstm = nn.LSTM(embed_dim, hidden_size, batch_first=True)
        self.head = nn.Linear(hidden_size, num_classes)

    def forward(self, tokens: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        vectors = self.embedding(tokens)
        packed = pack_padded_sequence(vectors, lengths.cpu(), batch_first=True, enforce_sorted=False)
        _, (h_n, _) = self.lstm(packed)
        return self.head(h_n[-1])
