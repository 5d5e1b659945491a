# nn.Flatten() (start_dim=1) for the batch; numel() of the single output for in_features, with every
# submodule's own mode restored.
import torch
from torch import nn

_flatten = nn.Flatten()


def flatten_batch(x: torch.Tensor) -> torch.Tensor:
    return _flatten(x)


def linear_in_features(features: nn.Module, input_shape: tuple[int, ...]) -> int:
    params = list(features.parameters())
    kwargs = {"device": params[0].device, "dtype": params[0].dtype} if params else {}
    modes = {m: m.training for m in features.modules()}
    features.eval()
    with torch.no_grad():
        n = features(torch.zeros(1, *input_shape, **kwargs)).numel()
    for module, mode in modes.items():
        module.training = mode
    return int(n)
