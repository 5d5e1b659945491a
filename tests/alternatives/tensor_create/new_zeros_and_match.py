# eye with keyword arguments, zeros via empty().zero_(), view(-1) on an arange, a match statement for the names.
import torch


def identity(n, m=None, device=None):
    if m is None:
        return torch.eye(n, device=device, dtype=torch.float)
    return torch.eye(n, m, device=device, dtype=torch.float)


def zeros_grid(rows, cols, device=None):
    return torch.empty(rows, cols, device=device).zero_()


def arange_cube(total=16, blocks=2, rows=2):
    return torch.arange(total).view(blocks, rows, -1)


def zeros_of_type(rows, cols, type_name):
    match type_name:
        case "FloatTensor":
            dtype = torch.float
        case "DoubleTensor":
            dtype = torch.double
        case "ShortTensor":
            dtype = torch.short
        case "IntTensor":
            dtype = torch.int
        case "LongTensor":
            dtype = torch.long
        case _:
            raise ValueError("not one of the old tensor type names: " + str(type_name))
    return torch.zeros(rows, cols).to(dtype)
