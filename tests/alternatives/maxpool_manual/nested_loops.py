# Output sizes from the statement's formula, -inf padding, then a loop over output positions.
import math

import torch
import torch.nn.functional as F


def _size(n, k, s, p, ceil_mode):
    span = n + 2 * p - k
    if not ceil_mode:
        return span // s + 1
    out = math.ceil(span / s) + 1
    return out - 1 if (out - 1) * s >= n + p else out


def max_pool2d(input, kernel_size, stride=None, padding=0, ceil_mode=False):
    s = stride if stride is not None else kernel_size
    h, w = input.shape[-2:]
    out_h, out_w = _size(h, kernel_size, s, padding, ceil_mode), _size(w, kernel_size, s, padding, ceil_mode)
    big = kernel_size + s  # enough room on the far side for a partial last window
    x = F.pad(input, (padding, padding + big, padding, padding + big), value=float("-inf"))
    rows = []
    for i in range(out_h):
        row = [x[..., i * s:i * s + kernel_size, j * s:j * s + kernel_size].flatten(-2).max(dim=-1).values
               for j in range(out_w)]
        rows.append(torch.stack(row, dim=-1))
    return torch.stack(rows, dim=-2)
