"""Reference solution: conv2d with unfold and einsum (no F.conv2d)."""

import torch
import torch.nn.functional as F


def conv2d(input: torch.Tensor, kernel: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
    if padding:
        # (left, right, top, bottom) of the last two dimensions.
        input = F.pad(input, (padding, padding, padding, padding))
    kernel_h, kernel_w = kernel.shape[-2:]
    # unfold(dim, size, step) cuts overlapping slices; after both calls the
    # tensor is (N, C_in, H_out, W_out, kH, kW): one kH x kW window per output
    # position, as a view (no copy). Windows start every `stride` pixels and
    # only whole windows are kept, which is the floor in the size formula.
    windows = input.unfold(2, kernel_h, stride).unfold(3, kernel_w, stride)
    # Multiply each window with each output channel's kernel and sum over the
    # input channels and the window: a cross-correlation, the kernel unflipped.
    return torch.einsum("nchwab,ocab->nohw", windows, kernel)
