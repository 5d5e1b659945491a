"""Window sums from an integral image (cumulative sums), divided by the window areas."""
import torch
import torch.nn.functional as F


def adaptive_windows(in_size, out_size):
    if not (in_size >= 1 and out_size >= 1):
        raise ValueError(f"cannot split {in_size} into {out_size}")
    starts = [(i * in_size) // out_size for i in range(out_size)]
    ends = [-((-(i + 1) * in_size) // out_size) for i in range(out_size)]
    return list(zip(starts, ends))


def adaptive_avg_pool2d(x, output_size):
    size = output_size if isinstance(output_size, (tuple, list)) else [output_size] * 2
    out_h = x.shape[-2] if size[0] is None else size[0]
    out_w = x.shape[-1] if size[1] is None else size[1]
    rows = torch.tensor(adaptive_windows(x.shape[-2], out_h))  # (out_h, 2)
    cols = torch.tensor(adaptive_windows(x.shape[-1], out_w))
    integral = F.pad(x.cumsum(-2).cumsum(-1), (1, 0, 1, 0))  # integral[..., r, c] = sum of x[..., :r, :c]
    r0, r1 = rows[:, 0][:, None], rows[:, 1][:, None]
    c0, c1 = cols[:, 0][None, :], cols[:, 1][None, :]
    sums = integral[..., r1, c1] - integral[..., r0, c1] - integral[..., r1, c0] + integral[..., r0, c0]
    return sums / ((r1 - r0) * (c1 - c0))
