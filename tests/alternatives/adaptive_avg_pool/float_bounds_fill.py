"""Windows from math.floor/math.ceil on floats; the output filled cell by cell."""
import math

import torch


def adaptive_windows(in_size, out_size):
    if in_size < 1:
        raise ValueError("in_size must be at least 1")
    if out_size < 1:
        raise ValueError("out_size must be at least 1")
    step = in_size / out_size
    return [(math.floor(i * step), math.ceil((i + 1) * step)) for i in range(out_size)]


def adaptive_avg_pool2d(x, output_size):
    n, c, h, w = x.shape
    out_h, out_w = output_size if isinstance(output_size, tuple) else (output_size, output_size)
    out_h = out_h or h
    out_w = out_w or w
    out = x.new_zeros(n, c, out_h, out_w)
    for i, (top, bottom) in enumerate(adaptive_windows(h, out_h)):
        for j, (left, right) in enumerate(adaptive_windows(w, out_w)):
            out[:, :, i, j] = x[:, :, top:bottom, left:right].sum(dim=(2, 3)) / ((bottom - top) * (right - left))
    return out
