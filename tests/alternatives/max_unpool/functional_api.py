"""The functional forms: F.max_pool2d(return_indices=True) and F.max_unpool2d."""
import torch
import torch.nn.functional as F


def pool_with_indices(x, kernel_size):
    pooled, indices = F.max_pool2d(x, kernel_size, stride=kernel_size, return_indices=True)
    return pooled, indices


def max_positions(x, kernel_size):
    indices = pool_with_indices(x, kernel_size)[1]
    w = x.size(3)
    return torch.div(indices, w, rounding_mode="floor"), torch.remainder(indices, w)


def unpool(pooled, indices, kernel_size, output_size=None):
    if output_size is None:
        return F.max_unpool2d(pooled, indices, kernel_size)
    return F.max_unpool2d(pooled, indices, kernel_size, stride=kernel_size, output_size=list(output_size))


def keep_maxima(x, kernel_size):
    pooled, indices = pool_with_indices(x, kernel_size)
    return unpool(pooled, indices, kernel_size, output_size=(x.size(2), x.size(3)))
