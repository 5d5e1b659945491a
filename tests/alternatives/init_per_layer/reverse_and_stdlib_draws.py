"""Visits layers deepest first and draws from torch.randn scaled, copied in place."""
import math

import torch
from torch import nn


def _copy(param, values):
    with torch.no_grad():
        param.copy_(values)


def init_module(module):
    if isinstance(module, (nn.BatchNorm1d, nn.BatchNorm2d)):
        _copy(module.weight, torch.ones_like(module.weight))
        _copy(module.bias, torch.zeros_like(module.bias))
        return
    if isinstance(module, nn.Conv2d):
        fan_out = module.out_channels * module.kernel_size[0] * module.kernel_size[1]
        std = math.sqrt(2) / math.sqrt(fan_out)
    elif isinstance(module, nn.Linear):
        std = 1e-2
    else:
        return
    _copy(module.weight, torch.randn(module.weight.shape) * std)
    if module.bias is not None:
        _copy(module.bias, torch.zeros(module.bias.shape))


def init_model(model):
    for module in reversed(list(model.modules())):
        init_module(module)
    return model
