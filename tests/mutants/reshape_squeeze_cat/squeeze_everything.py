# expect: squeeze() with no argument removes every size-1 dimension
import torch


def concat(tensors, dim=0):
    return torch.cat(tensors, dim=dim)


def insert_axis(t, dim):
    return t.unsqueeze(dim)


def drop_channel_axis(images):
    return images.squeeze()


def to_matrix(t, rows):
    return t.reshape(rows, -1)

