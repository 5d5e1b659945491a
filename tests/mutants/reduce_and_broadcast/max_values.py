# expect: These are the largest scores, not their positions
from typing import Sequence

import torch


def predict_classes(scores: torch.Tensor) -> torch.Tensor:
    # No keepdim: an (N, 1) result would broadcast against (N,) labels into an (N, N) grid.
    return torch.max(scores, dim=1)[0]  # the values, not the positions


def accuracy(scores: torch.Tensor, labels: torch.Tensor) -> float:
    correct = (predict_classes(scores) == labels).sum().item()
    return correct / labels.numel()


def row_normalise(x: torch.Tensor) -> torch.Tensor:
    # keepdim makes the sums a column, so each row is divided by its own sum.
    return x / x.sum(dim=1, keepdim=True)


def normalize_channels(images: torch.Tensor, mean: Sequence[float], std: Sequence[float]) -> torch.Tensor:
    # (1, C, 1, 1) lines the statistics up with the channel axis; on the images'
    # device and dtype so the arithmetic does not mix devices or promote types.
    shape = (1, -1, 1, 1)
    mean_t = torch.as_tensor(mean, dtype=images.dtype, device=images.device).reshape(shape)
    std_t = torch.as_tensor(std, dtype=images.dtype, device=images.device).reshape(shape)
    return (images - mean_t) / std_t
