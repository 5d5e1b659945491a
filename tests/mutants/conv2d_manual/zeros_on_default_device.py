# expect: Create new tensors with device=input.device
import torch
import torch.nn.functional as F


def conv2d(input, kernel, stride=1, padding=0):
    input = F.pad(input, (padding, padding, padding, padding))
    n, c_in, h, w = input.shape
    c_out, _, kh, kw = kernel.shape
    out = torch.zeros(n, c_out, (h - kh) // stride + 1, (w - kw) // stride + 1, dtype=input.dtype)
    for i in range(out.shape[2]):
        for j in range(out.shape[3]):
            window = input[:, :, i * stride:i * stride + kh, j * stride:j * stride + kw]
            out[:, :, i, j] = torch.einsum("ncab,ocab->no", window, kernel)
    return out
