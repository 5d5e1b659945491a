# expect: changes the caller's tensor
import torch


def row(t, i):
    return t[i]


def column(t, j):
    return t[:, j]


def second_row_trimmed(t):
    return t[:, 1, :-1]


def greater_than(t, threshold):
    return t[t > threshold]


def zero_negatives(t):
    out = t
    out[out < 0] = 0
    return out


def count_equal(predicted, labels):
    return (predicted == labels).sum().item()

