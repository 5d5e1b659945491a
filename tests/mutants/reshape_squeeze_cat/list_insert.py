# expect: list.insert(-1, x) would put x before the last item
import torch


def concat(tensors, dim=0):
    return torch.cat(tensors, dim=dim)


def insert_axis(t, dim):
    shape = list(t.shape)
    shape.insert(dim, 1)
    return t.reshape(shape)


def drop_channel_axis(images):
    return images.squeeze(1)


def to_matrix(t, rows):
    return t.reshape(rows, -1)
