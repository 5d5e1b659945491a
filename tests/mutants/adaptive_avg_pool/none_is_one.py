# expect: Replace None by the input's own size
import torch


def adaptive_windows(in_size: int, out_size: int) -> list[tuple[int, int]]:
    if in_size < 1 or out_size < 1:
        raise ValueError(f"sizes must be at least 1, got in_size={in_size}, out_size={out_size}")
    # Integer arithmetic: -(-a // b) is ceil(a / b) without any float rounding.
    return [(i * in_size // out_size, -(-(i + 1) * in_size // out_size)) for i in range(out_size)]


def adaptive_avg_pool2d(x: torch.Tensor, output_size) -> torch.Tensor:
    height, width = x.shape[-2:]
    out_h, out_w = (output_size, output_size) if isinstance(output_size, int) else output_size
    rows = adaptive_windows(height, 1 if out_h is None else out_h)
    cols = adaptive_windows(width, 1 if out_w is None else out_w)
    pooled_rows = [
        torch.stack([x[..., r0:r1, c0:c1].mean(dim=(-2, -1)) for c0, c1 in cols], dim=-1) for r0, r1 in rows
    ]
    return torch.stack(pooled_rows, dim=-2)
