# if/else around train()/eval(), a BatchNorm left in its default training mode, and predict as a
# @torch.no_grad() function that restores each module's own flag.
import torch
from torch import nn


def dropout_scale(p: float) -> float:
    if not (0.0 <= p < 1.0):
        raise ValueError(f"invalid dropout probability {p}")
    return 1.0 / (1.0 - p)


def run_dropout(x: torch.Tensor, p: float, training: bool) -> torch.Tensor:
    layer = nn.Dropout(p)
    if training:
        layer.train()
    else:
        layer.eval()
    return layer(x)


def run_batchnorm(x: torch.Tensor, training: bool) -> torch.Tensor:
    layer = nn.BatchNorm2d(num_features=x.size(1), device=x.device)
    if not training:
        layer.eval()
    return layer(x)


def batchnorm_running_stats(batches, momentum=0.1):
    layer = nn.BatchNorm2d(batches[0].size(1), momentum=momentum, device=batches[0].device)
    with torch.no_grad():
        for batch in batches:
            _ = layer(batch)
    return layer.running_mean.clone(), layer.running_var.clone()


@torch.no_grad()
def predict(model: nn.Module, x: torch.Tensor) -> torch.Tensor:
    flags = [(m, m.training) for m in model.modules()]
    model.train(False)
    result = model(x)
    for module, flag in flags:
        module.training = flag
    return result
