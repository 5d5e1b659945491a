"""One handler per layer type, chosen by functools.singledispatch; constant_ for the BatchNorm values."""
from functools import singledispatch

from torch import nn


@singledispatch
def init_module(module):
    """Any other module: nothing to do."""


@init_module.register
def _(module: nn.Conv2d):
    nn.init.kaiming_normal_(module.weight, a=0, mode="fan_out", nonlinearity="relu")
    _zero_bias(module)


@init_module.register
def _(module: nn.Linear):
    nn.init.normal_(module.weight, std=0.01)
    _zero_bias(module)


@init_module.register(nn.BatchNorm1d)
@init_module.register(nn.BatchNorm2d)
def _(module):
    nn.init.constant_(module.weight, 1)
    nn.init.constant_(module.bias, 0)


def _zero_bias(module):
    if getattr(module, "bias", None) is not None:
        nn.init.constant_(module.bias, 0.0)


def init_model(model):
    model.apply(init_module)
    return model
