"""Pooling as two matrix products: an averaging matrix for the rows and one for the columns."""
import torch


def adaptive_windows(in_size, out_size):
    if min(in_size, out_size) <= 0:
        raise ValueError("in_size and out_size must be >= 1")
    windows = []
    for i in range(out_size):
        start = (i * in_size) // out_size
        end = ((i + 1) * in_size + out_size - 1) // out_size
        windows.append((start, end))
    return windows


def averaging_matrix(in_size, out_size, dtype):
    matrix = torch.zeros(out_size, in_size, dtype=dtype)
    for i, (start, end) in enumerate(adaptive_windows(in_size, out_size)):
        matrix[i, start:end] = 1.0 / (end - start)
    return matrix


def adaptive_avg_pool2d(x, output_size):
    if not isinstance(output_size, (tuple, list)):
        output_size = (output_size, output_size)
    h, w = x.shape[2], x.shape[3]
    oh = h if output_size[0] is None else output_size[0]
    ow = w if output_size[1] is None else output_size[1]
    rows = averaging_matrix(h, oh, x.dtype)
    cols = averaging_matrix(w, ow, x.dtype)
    return torch.einsum("ih,nchw,jw->ncij", rows, x, cols)
