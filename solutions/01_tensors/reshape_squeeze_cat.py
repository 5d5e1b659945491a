"""Reference solution: joining and reshaping."""

import torch


def concat(tensors: list[torch.Tensor], dim: int = 0) -> torch.Tensor:
    # cat, not stack: the tensors grow along a dimension they already have.
    return torch.cat(tuple(tensors), dim=dim)


def insert_axis(t: torch.Tensor, dim: int) -> torch.Tensor:
    return t.unsqueeze(dim)


def drop_channel_axis(images: torch.Tensor) -> torch.Tensor:
    # Naming the dimension keeps a batch of one (or a 1-pixel-high image) intact.
    return images.squeeze(1)


def to_matrix(t: torch.Tensor, rows: int) -> torch.Tensor:
    # reshape, not view: a transposed tensor cannot be viewed, and reshape still
    # avoids the copy whenever the memory allows it.
    return t.reshape(rows, -1)
