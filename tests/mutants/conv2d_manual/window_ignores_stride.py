# expect: starts at row i * stride
import torch
import torch.nn.functional as F


def conv2d(input, kernel, stride=1, padding=0):
    input = F.pad(input, (padding, padding, padding, padding))
    n, _, h, w = input.shape
    c_out, _, kh, kw = kernel.shape
    out_h = (h - kh) // stride + 1
    out_w = (w - kw) // stride + 1
    rows = []
    for i in range(out_h):
        cols = []
        for j in range(out_w):
            window = input[:, :, i:i + kh, j:j + kw]  # should start at i * stride, j * stride
            cols.append(torch.einsum("ncab,ocab->no", window, kernel))
        rows.append(torch.stack(cols, dim=-1))
    return torch.stack(rows, dim=-2)
