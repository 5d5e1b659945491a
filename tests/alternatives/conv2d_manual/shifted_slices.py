# One strided slice per kernel tap: out += x[..., a::stride, b::stride] weighted by kernel[:, :, a, b].
import torch


def conv2d(input: torch.Tensor, kernel: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
    n, c, h, w = input.shape
    if padding:
        x = torch.cat([input.new_zeros(n, c, padding, w), input, input.new_zeros(n, c, padding, w)], dim=2)
        x = torch.cat([input.new_zeros(n, c, h + 2 * padding, padding), x,
                       input.new_zeros(n, c, h + 2 * padding, padding)], dim=3)
    else:
        x = input
    k_h, k_w = kernel.shape[-2:]
    out_h = (x.shape[2] - k_h) // stride + 1
    out_w = (x.shape[3] - k_w) // stride + 1
    out = None
    for a in range(k_h):
        for b in range(k_w):
            tap = x[:, :, a:a + (out_h - 1) * stride + 1:stride, b:b + (out_w - 1) * stride + 1:stride]
            term = torch.einsum("nchw,oc->nohw", tap, kernel[:, :, a, b])
            out = term if out is None else out + term
    return out
