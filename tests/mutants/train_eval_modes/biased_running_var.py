# expect: running_var used the biased variance

import torch
from torch import nn


def dropout_scale(p: float) -> float:
    # Kept values are divided by the keep probability so that the expected
    # output equals the input; with p = 1 nothing is kept and no factor exists.
    if not 0 <= p < 1:
        raise ValueError(f"dropout probability must be in [0, 1), got {p}")
    return 1.0 / (1.0 - p)


def run_dropout(x: torch.Tensor, p: float, training: bool) -> torch.Tensor:
    layer = nn.Dropout(p)
    layer.train(training)
    return layer(x)


def run_batchnorm(x: torch.Tensor, training: bool) -> torch.Tensor:
    layer = nn.BatchNorm2d(x.shape[1], device=x.device)
    layer.train(training)
    return layer(x)


def batchnorm_running_stats(batches: list[torch.Tensor], momentum: float | None = 0.1) -> tuple[torch.Tensor, torch.Tensor]:
    channels = batches[0].shape[1]
    mean, var = torch.zeros(channels), torch.ones(channels)
    for count, batch in enumerate(batches, start=1):
        rate = momentum if momentum is not None else 1 / count
        mean = (1 - rate) * mean + rate * batch.mean(dim=(0, 2, 3))
        var = (1 - rate) * var + rate * batch.var(dim=(0, 2, 3), unbiased=False)
    return mean, var


def predict(model: nn.Module, x: torch.Tensor) -> torch.Tensor:
    # Remember every submodule's own flag: model.train(was) would also flip a
    # submodule that was deliberately kept in eval mode.
    modes = [(module, module.training) for module in model.modules()]
    model.eval()
    try:
        with torch.no_grad():
            return model(x)
    finally:
        for module, training in modes:
            module.training = training
