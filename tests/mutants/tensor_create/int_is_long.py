# expect: IntTensor is 32-bit
import torch


def identity(n, m=None, device=None):
    return torch.eye(n, n if m is None else m, device=device)


def zeros_grid(rows, cols, device=None):
    return torch.zeros(rows, cols, device=device)


def arange_cube(total=16, blocks=2, rows=2):
    return torch.arange(total).reshape(blocks, rows, -1)


def zeros_of_type(rows, cols, type_name):
    # "int" sounds like Python's int, which PyTorch stores as int64
    dtypes = {"FloatTensor": torch.float32, "DoubleTensor": torch.float64, "ShortTensor": torch.int16,
              "IntTensor": torch.int64, "LongTensor": torch.int64}
    if type_name not in dtypes:
        raise ValueError(type_name)
    return torch.zeros(rows, cols, dtype=dtypes[type_name])
