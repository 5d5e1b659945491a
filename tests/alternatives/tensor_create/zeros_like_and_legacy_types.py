# The legacy type objects themselves (torch.FloatTensor...) tell the dtype; identity from a comparison of aranges.
import torch

_LEGACY = ("FloatTensor", "DoubleTensor", "ShortTensor", "IntTensor", "LongTensor")


def identity(n, m=None, device=None):
    m = n if m is None else m
    rows = torch.arange(n, device=device).unsqueeze(1)
    cols = torch.arange(m, device=device).unsqueeze(0)
    return (rows == cols).float()


def zeros_grid(rows, cols, device=None):
    return torch.zeros_like(torch.empty(rows, cols, device=device, dtype=torch.float32))


def arange_cube(total=16, blocks=2, rows=2):
    flat = torch.arange(total)
    return flat.reshape(blocks, rows, -1)


def zeros_of_type(rows, cols, type_name):
    if type_name not in _LEGACY:
        raise ValueError(type_name)
    dtype = getattr(torch, type_name).dtype
    return torch.zeros(rows, cols, dtype=dtype)
