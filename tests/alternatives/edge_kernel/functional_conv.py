"""A kernel made from an identity-like mask, written with index_copy_, applied with F.conv2d."""
import torch
import torch.nn.functional as F


def outline_kernel(size):
    if size <= 0 or size % 2 != 1:
        raise ValueError(f"bad size {size}")
    centre = torch.zeros(size * size)
    centre[(size * size) // 2] = size * size
    return (centre - 1).reshape(size, size)


def set_kernel(conv, kernel, channel=0):
    expected = conv.weight.shape[2:]
    if list(kernel.shape) != list(expected):
        raise ValueError(f"expected a kernel of shape {tuple(expected)}, got {tuple(kernel.shape)}")
    with torch.no_grad():
        conv.weight.index_copy_(0, torch.tensor([channel % conv.weight.shape[0]]), kernel.view(1, 1, *expected))


def edge_map(image):
    weight = outline_kernel(5).view(1, 1, 5, 5)
    return F.conv2d(image.unsqueeze(0).unsqueeze(0), weight).squeeze(0).squeeze(0)
