# expect: should be on device meta
import torch


def identity(n, m=None, device=None):
    return torch.eye(n, n if m is None else m)


def zeros_grid(rows, cols, device=None):
    return torch.zeros(rows, cols)


def arange_cube(total=16, blocks=2, rows=2):
    return torch.arange(total).reshape(blocks, rows, -1)


def zeros_of_type(rows, cols, type_name):
    dtypes = {"FloatTensor": torch.float, "DoubleTensor": torch.double, "ShortTensor": torch.short,
              "IntTensor": torch.int, "LongTensor": torch.long}
    if type_name not in dtypes:
        raise ValueError(type_name)
    return torch.zeros(rows, cols, dtype=dtypes[type_name])
