# Ellipsis indexing, a nonzero-based selection, clamp for the negatives, a plain sum of booleans.
import torch


def row(t, i):
    return t[i, ...]


def column(t, j):
    return t[..., j]


def second_row_trimmed(t):
    return t[:, 1][:, :-1]


def greater_than(t, threshold):
    flat = t.reshape(-1)
    return flat[torch.nonzero(flat > threshold).flatten()]


def zero_negatives(t):
    return t.clamp(min=0)


def count_equal(predicted, labels):
    return (predicted == labels).sum().item()
