# expect: leaves an optimizer made earlier holding the old tensors
import torch
from torch import nn

#: normal-distribution spread of a fresh Linear weight
LINEAR_STD = 0.01


def init_module(module: nn.Module) -> None:
    if isinstance(module, nn.Conv2d):
        # fan_out keeps the variance of the gradients flowing back through ReLU layers.
        nn.init.kaiming_normal_(module.weight, mode="fan_out", nonlinearity="relu")
    elif isinstance(module, nn.Linear):
        module.weight = nn.Parameter(torch.randn_like(module.weight) * LINEAR_STD)
    elif isinstance(module, (nn.BatchNorm1d, nn.BatchNorm2d)):
        nn.init.ones_(module.weight)
        nn.init.zeros_(module.bias)
        return
    else:
        return
    if module.bias is not None:
        nn.init.zeros_(module.bias)


def init_model(model: nn.Module) -> nn.Module:
    model.apply(init_module)  # visits every submodule, nested ones too, then the model itself
    return model
