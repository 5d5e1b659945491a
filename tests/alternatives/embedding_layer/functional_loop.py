"""Functional lookups and a loop over the sequences."""

import torch
import torch.nn.functional as F
from torch import nn


def make_embedding(vocab_size, dim, padding_idx=0):
    layer = nn.Embedding(num_embeddings=vocab_size, embedding_dim=dim)
    layer.padding_idx = padding_idx
    with torch.no_grad():
        layer.weight[padding_idx].fill_(0.0)
    return layer


def embed(embedding, tokens):
    return F.embedding(tokens.to(torch.int64), embedding.weight, padding_idx=embedding.padding_idx)


def mean_embedding(embedding, tokens):
    rows = []
    for sequence in tokens.to(torch.int64):
        real = sequence[sequence != embedding.padding_idx]
        if len(real) == 0:
            rows.append(embedding.weight.new_zeros(embedding.embedding_dim))
        else:
            rows.append(F.embedding(real, embedding.weight).mean(dim=0))
    return torch.stack(rows)
