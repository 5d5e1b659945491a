# expect: but the graph was broken
import torch
import torch.nn.functional as F


def conv2d(input, kernel, stride=1, padding=0):
    input = F.pad(input, (padding, padding, padding, padding))
    n, c_in, h, w = input.shape
    c_out, _, kh, kw = kernel.shape
    out = torch.zeros(n, c_out, (h - kh) // stride + 1, (w - kw) // stride + 1, dtype=input.dtype, device=input.device)
    for b in range(n):
        for o in range(c_out):
            for i in range(out.shape[2]):
                for j in range(out.shape[3]):
                    window = input[b, :, i * stride:i * stride + kh, j * stride:j * stride + kw]
                    out[b, o, i, j] = (window * kernel[o]).sum().item()
    return out
