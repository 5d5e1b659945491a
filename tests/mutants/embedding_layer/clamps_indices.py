# expect: let nn.Embedding raise IndexError
"""Reference solution: nn.Embedding, integer indices and a padding row."""

import torch
from torch import nn


def make_embedding(vocab_size: int, dim: int, padding_idx: int = 0) -> nn.Embedding:
    return nn.Embedding(vocab_size, dim, padding_idx=padding_idx)


def embed(embedding: nn.Embedding, tokens: torch.Tensor) -> torch.Tensor:
    return embedding(tokens.long().clamp(0, embedding.num_embeddings - 1))


def mean_embedding(embedding: nn.Embedding, tokens: torch.Tensor) -> torch.Tensor:
    tokens = tokens.long()
    vectors = embedding(tokens)
    keep = (tokens != embedding.padding_idx).unsqueeze(-1).to(vectors.dtype)
    counts = keep.sum(dim=1).clamp(min=1)
    return (vectors * keep).sum(dim=1) / counts
