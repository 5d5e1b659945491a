# Method style throughout: Tensor.squeeze(1), a flatten before the view, cat from a generator.
import torch


def concat(tensors, dim=0):
    return torch.cat([t for t in tensors], dim=dim)


def insert_axis(t, dim):
    return t.unsqueeze(dim=dim)


def drop_channel_axis(images):
    return images.squeeze(dim=1)


def to_matrix(t, rows):
    return t.flatten().view(rows, -1) if t.is_contiguous() else t.reshape(-1).view(rows, -1)
