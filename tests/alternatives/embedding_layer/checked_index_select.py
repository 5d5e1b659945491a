"""index_select on the weight, with the range check written out."""

import torch
from torch import nn


def make_embedding(vocab_size, dim, padding_idx=0):
    return nn.Embedding(vocab_size, dim, padding_idx)


def embed(embedding, tokens):
    index = tokens.long()
    if index.numel() and (index.min() < 0 or index.max() >= embedding.num_embeddings):
        raise IndexError("token number out of range")
    flat = embedding.weight.index_select(0, index.reshape(-1))
    return flat.reshape(*index.shape, embedding.embedding_dim)


def mean_embedding(embedding, tokens):
    index = tokens.long()
    real = (index != embedding.padding_idx).float()
    weights = real / real.sum(dim=1, keepdim=True).clamp_min(1.0)
    return torch.einsum("bs,bsd->bd", weights, embed(embedding, index))
