"""Windows cut with unfold, the maximum found with argmax, maxima put back with scatter."""
import torch


def pool_with_indices(x, k):
    n, c, h, w = x.shape
    oh, ow = h // k, w // k
    windows = x[:, :, :oh * k, :ow * k].unfold(2, k, k).unfold(3, k, k)  # (n, c, oh, ow, k, k)
    flat = windows.reshape(n, c, oh, ow, k * k)
    pooled, local = flat.max(dim=-1)
    rows = torch.arange(oh).view(1, 1, oh, 1) * k + local // k
    cols = torch.arange(ow).view(1, 1, 1, ow) * k + local % k
    return pooled, rows * w + cols


def max_positions(x, k):
    _, idx = pool_with_indices(x, k)
    return idx // x.shape[3], idx % x.shape[3]


def unpool(pooled, indices, k, output_size=None):
    n, c, oh, ow = pooled.shape
    h, w = (oh * k, ow * k) if output_size is None else tuple(output_size)
    out = pooled.new_zeros(n, c, h * w)
    out = out.scatter(2, indices.reshape(n, c, -1), pooled.reshape(n, c, -1))
    return out.reshape(n, c, h, w)


def keep_maxima(x, k):
    pooled, indices = pool_with_indices(x, k)
    return unpool(pooled, indices, k, x.shape[2:])
