# expect: The output is normalised with the BIASED variance
import torch


def per_channel(t: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
    """A (C,) tensor shaped to broadcast along dimension 1 of x: (1, C, 1, 1) for a 4-D x."""
    return t.reshape(1, -1, *([1] * (x.dim() - 2)))


def batch_norm_train(x: torch.Tensor, running_mean: torch.Tensor, running_var: torch.Tensor,
                     weight: torch.Tensor, bias: torch.Tensor, momentum: float = 0.1,
                     eps: float = 1e-5) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    dims = [d for d in range(x.dim()) if d != 1]
    n = x.numel() // x.shape[1]
    if n < 2:
        raise ValueError(f"expected more than 1 value per channel when training, got {n}")
    mean = x.mean(dim=dims)
    var = x.var(dim=dims, unbiased=False)
    y = (x - per_channel(mean, x)) / torch.sqrt(per_channel(x.var(dim=dims), x) + eps) * per_channel(weight, x) \
        + per_channel(bias, x)
    # The running statistics are a record, not part of the graph.
    with torch.no_grad():
        new_mean = (1 - momentum) * running_mean + momentum * mean
        new_var = (1 - momentum) * running_var + momentum * var * n / (n - 1)
    return y, new_mean, new_var


def batch_norm_eval(x: torch.Tensor, running_mean: torch.Tensor, running_var: torch.Tensor,
                    weight: torch.Tensor, bias: torch.Tensor, eps: float = 1e-5) -> torch.Tensor:
    scale = per_channel(weight, x) / torch.sqrt(per_channel(running_var, x) + eps)
    return (x - per_channel(running_mean, x)) * scale + per_channel(bias, x)
