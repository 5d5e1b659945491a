# Transpose to reach a column, a clone written through a mask, a boolean mask on the flattened tensor.
import torch


def row(t, i):
    return t[i]


def column(t, j):
    return t.T[j]


def second_row_trimmed(t):
    last = t.size(2) - 1
    return t[:, 1, 0:last]


def greater_than(t, threshold):
    keep = t > threshold
    return t.flatten()[keep.flatten()]


def zero_negatives(t):
    result = t.clone()
    result[result < 0] = 0
    return result


def count_equal(predicted, labels):
    matches = 0
    for same in (predicted == labels).flatten().tolist():
        matches += int(same)
    return matches
