"""Tensor methods under no_grad (normal_, fill_, zero_), with the Kaiming spread computed by hand."""
import math

import torch
from torch import nn


@torch.no_grad()
def init_module(module):
    if type(module) is nn.Conv2d or isinstance(module, nn.Conv2d):
        out_channels, _, kh, kw = module.weight.shape
        module.weight.normal_(0.0, math.sqrt(2.0 / (out_channels * kh * kw)))
        if module.bias is not None:
            module.bias.zero_()
    elif isinstance(module, nn.Linear):
        module.weight.normal_(mean=0.0, std=0.01)
        if module.bias is not None:
            module.bias.zero_()
    elif isinstance(module, nn.BatchNorm2d) or isinstance(module, nn.BatchNorm1d):
        module.weight.fill_(1.0)
        module.bias.zero_()


def init_model(model):
    for module in model.modules():
        init_module(module)
    return model
