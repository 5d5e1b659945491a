# expect: raise ValueError
import torch

# The legacy tensor classes only differ by the dtype of their elements.
TYPE_DTYPES = {
    "FloatTensor": torch.float32,
    "DoubleTensor": torch.float64,
    "ShortTensor": torch.int16,
    "IntTensor": torch.int32,
    "LongTensor": torch.int64,
}


def identity(n: int, m: int | None = None, device: torch.device | None = None) -> torch.Tensor:
    # torch.eye defaults to float32; building on `device` avoids a copy later.
    return torch.eye(n, n if m is None else m, device=device)


def zeros_grid(rows: int, cols: int, device: torch.device | None = None) -> torch.Tensor:
    return torch.zeros(rows, cols, device=device)


def arange_cube(total: int = 16, blocks: int = 2, rows: int = 2) -> torch.Tensor:
    # Integer arguments keep arange in int64; -1 lets reshape divide out the last size
    # (and raise RuntimeError when it does not divide evenly).
    return torch.arange(total).reshape(blocks, rows, -1)


def zeros_of_type(rows: int, cols: int, type_name: str) -> torch.Tensor:
    if type_name not in TYPE_DTYPES:
        return torch.zeros(rows, cols)  # silently falls back to float32
    return torch.zeros(rows, cols, dtype=TYPE_DTYPES[type_name])
