# view when the memory allows it, contiguous() first otherwise; squeeze through select.
import torch


def concat(tensors, dim=0):
    return torch.cat(tuple(tensors), dim)


def insert_axis(t, dim):
    if dim < 0:
        dim += t.dim() + 1
    return t.view(*t.shape[:dim], 1, *t.shape[dim:])


def drop_channel_axis(images):
    return images.select(1, 0) if images.size(1) == 1 else images


def to_matrix(t, rows):
    if not t.is_contiguous():
        t = t.contiguous()
    return t.view(rows, -1)
