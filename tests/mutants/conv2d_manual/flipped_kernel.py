# expect: PyTorch's conv2d does not flip the kernel
import torch
import torch.nn.functional as F


def conv2d(input, kernel, stride=1, padding=0):
    # Textbook convolution: the kernel is rotated by 180 degrees first.
    kernel = torch.flip(kernel, dims=(-2, -1))
    input = F.pad(input, (padding, padding, padding, padding))
    kh, kw = kernel.shape[-2:]
    windows = input.unfold(2, kh, stride).unfold(3, kw, stride)
    return torch.einsum("nchwab,ocab->nohw", windows, kernel)
