# select/narrow/index_select-free views, masked_select, torch.where, eq().sum().
import torch


def row(t, i):
    return t.select(0, i)


def column(t, j):
    return t.select(1, j)


def second_row_trimmed(t):
    return t.select(1, 1).narrow(-1, 0, t.shape[-1] - 1)


def greater_than(t, threshold):
    return torch.masked_select(t, t.gt(threshold))


def zero_negatives(t):
    return torch.where(t < 0, torch.zeros_like(t), t)


def count_equal(predicted, labels):
    return int(predicted.eq(labels).sum())
