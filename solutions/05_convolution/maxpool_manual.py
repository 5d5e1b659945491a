"""Reference solution: max pooling with unfold, including ceil_mode (no F.max_pool2d)."""

import torch
import torch.nn.functional as F


def _output_size(size: int, kernel_size: int, stride: int, padding: int, ceil_mode: bool) -> int:
    span = size + 2 * padding - kernel_size
    if not ceil_mode:
        return span // stride + 1
    out = -(-span // stride) + 1
    # A window starting in the right padding would cover no real pixel: PyTorch drops it.
    if (out - 1) * stride >= size + padding:
        out -= 1
    return out


def max_pool2d(
    input: torch.Tensor, kernel_size: int, stride: int | None = None, padding: int = 0, ceil_mode: bool = False
) -> torch.Tensor:
    stride = stride or kernel_size
    height, width = input.shape[-2:]
    out_h = _output_size(height, kernel_size, stride, padding, ceil_mode)
    out_w = _output_size(width, kernel_size, stride, padding, ceil_mode)
    # Right/bottom padding reaches exactly as far as the last window needs
    # (more than `padding` in ceil mode). -inf never wins a max, so a partial
    # window yields the max of the pixels that exist.
    extra_h = max((out_h - 1) * stride + kernel_size - height - padding, 0)
    extra_w = max((out_w - 1) * stride + kernel_size - width - padding, 0)
    padded = F.pad(input, (padding, extra_w, padding, extra_h), value=float("-inf"))
    windows = padded.unfold(-2, kernel_size, stride).unfold(-2, kernel_size, stride)
    # unfold may give one more window than out_h/out_w when the padding on the
    # far side is wider than needed; keep exactly the windows PyTorch keeps.
    windows = windows[..., :out_h, :out_w, :, :]
    # max(dim) (not amax) sends each output's gradient to a single input
    # element, as nn.MaxPool2d does.
    return windows.flatten(-2).max(dim=-1).values
