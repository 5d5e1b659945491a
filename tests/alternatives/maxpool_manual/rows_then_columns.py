# Max over the rows of each window first, then over its columns: two 1-D poolings with unfold.
import torch
import torch.nn.functional as F


def _out(n: int, k: int, s: int, p: int, ceil_mode: bool) -> int:
    span = n + 2 * p - k
    if ceil_mode:
        out = -(-span // s) + 1
        if (out - 1) * s >= n + p:
            out -= 1
        return out
    return span // s + 1


def max_pool2d(input: torch.Tensor, kernel_size: int, stride: int | None = None, padding: int = 0,
               ceil_mode: bool = False) -> torch.Tensor:
    s = stride or kernel_size
    h, w = input.shape[-2], input.shape[-1]
    oh, ow = _out(h, kernel_size, s, padding, ceil_mode), _out(w, kernel_size, s, padding, ceil_mode)
    right = (ow - 1) * s + kernel_size - w - padding
    bottom = (oh - 1) * s + kernel_size - h - padding
    x = F.pad(input, (padding, max(right, 0), padding, max(bottom, 0)), value=-float("inf"))
    across = x.unfold(3, kernel_size, s)[:, :, :, :ow, :].max(dim=-1).values      # (N, C, H', ow)
    down = across.unfold(2, kernel_size, s)[:, :, :oh, :, :].max(dim=-1).values    # (N, C, oh, ow)
    return down
