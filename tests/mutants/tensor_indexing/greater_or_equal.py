# expect: Strictly greater: an element equal to the threshold is not kept
import torch


def row(t: torch.Tensor, i: int) -> torch.Tensor:
    # Basic indexing returns a view; cloning here would break the "shares memory" promise.
    return t[i]


def column(t: torch.Tensor, j: int) -> torch.Tensor:
    return t[:, j]


def second_row_trimmed(t: torch.Tensor) -> torch.Tensor:
    return t[:, 1, :-1]


def greater_than(t: torch.Tensor, threshold: float) -> torch.Tensor:
    return t[t >= threshold]


def zero_negatives(t: torch.Tensor) -> torch.Tensor:
    # The masked assignment is in place, so it must happen on a copy of the caller's tensor.
    out = t.clone()
    out[out < 0] = 0
    return out


def count_equal(predicted: torch.Tensor, labels: torch.Tensor) -> int:
    # .sum() of a bool tensor is a 0-d int64 tensor; .item() makes it a Python int.
    return int((predicted == labels).sum().item())
