# expect: dropout is still active

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
    return layer(x)


def run_batchnorm(x: torch.Tensor, training: bool) -> torch.Tensor:
    layer = nn.BatchNorm2d(x.shape[1], device=x.device)
    layer.train(training)
    return layer(x)


def batchnorm_running_stats(batches: list[torch.Tensor], momentum: float | None = 0.1) -> tuple[torch.Tensor, torch.Tensor]:
    layer = nn.BatchNorm2d(batches[0].shape[1], momentum=momentum, device=batches[0].device)
    layer.train()
    # The running statistics are buffers updated in forward; no graph is needed.
    with torch.no_grad():
        for batch in batches:
            layer(batch)
    return layer.running_mean.clone(), layer.running_var.clone()


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
