# Loops over every output position and sums window * kernel: slow and clear; the result is stacked
# from tensors so autograd reaches input and kernel.
import torch
import torch.nn.functional as F


def conv2d(input, kernel, stride=1, padding=0):
    x = F.pad(input, [padding] * 4) if padding else input
    k_h, k_w = kernel.shape[2], kernel.shape[3]
    out_h = (x.shape[2] - k_h) // stride + 1
    out_w = (x.shape[3] - k_w) // stride + 1
    rows = []
    for i in range(out_h):
        row = []
        for j in range(out_w):
            window = x[:, :, i * stride:i * stride + k_h, j * stride:j * stride + k_w]  # (N, C, kH, kW)
            # (N, 1, C, kH, kW) * (1, O, C, kH, kW), summed over C, kH, kW -> (N, O)
            row.append((window.unsqueeze(1) * kernel.unsqueeze(0)).sum(dim=(2, 3, 4)))
        rows.append(torch.stack(row, dim=-1))
    return torch.stack(rows, dim=-2)
