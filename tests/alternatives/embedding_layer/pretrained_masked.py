"""from_pretrained with an explicit zero row; a masked_fill and a where for the mean."""

import torch
from torch import nn


def make_embedding(vocab_size, dim, padding_idx=0):
    table = torch.randn(vocab_size, dim)
    table[padding_idx] = 0
    return nn.Embedding.from_pretrained(table, freeze=False, padding_idx=padding_idx)


def embed(embedding, tokens):
    if tokens.is_floating_point():
        tokens = tokens.round().to(torch.long)
    return embedding(tokens)


def mean_embedding(embedding, tokens):
    tokens = tokens.to(torch.long)
    padding = tokens == embedding.padding_idx
    vectors = embedding(tokens).masked_fill(padding.unsqueeze(2), 0.0)
    counts = (~padding).sum(dim=1, keepdim=True)
    total = vectors.sum(dim=1)
    return torch.where(counts > 0, total / counts.clamp(min=1), torch.zeros_like(total))
