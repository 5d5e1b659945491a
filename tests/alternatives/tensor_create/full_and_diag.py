# torch.full/torch.diag style: build the identity from ones on a diagonal, dtypes from a dict of attributes.
import torch

_TYPES = {"FloatTensor": "float32", "DoubleTensor": "float64", "ShortTensor": "int16",
          "IntTensor": "int32", "LongTensor": "int64"}


def identity(n, m=None, device=None):
    cols = n if m is None else m
    out = torch.zeros(n, cols, dtype=torch.float32, device=device)
    k = min(n, cols)
    out[range(k), range(k)] = 1.0
    return out


def zeros_grid(rows, cols, device=None):
    return torch.full((rows, cols), 0.0, dtype=torch.float32, device=device)


def arange_cube(total=16, blocks=2, rows=2):
    return torch.arange(0, total, 1, dtype=torch.int64).reshape(blocks, rows, -1)


def zeros_of_type(rows, cols, type_name):
    if type_name not in _TYPES:
        raise ValueError(f"unknown tensor type {type_name!r}")
    return torch.zeros((rows, cols), dtype=getattr(torch, _TYPES[type_name]))
