"""Backed by torch's own helpers: the fans and gain nn.init.kaiming_*_ use."""
import math

import torch
from torch import nn


def compute_fans(shape):
    return nn.init._calculate_fan_in_and_fan_out(torch.empty(shape, device="meta"))


def gain_for(nonlinearity, a=0.0):
    if nonlinearity not in ("linear", "conv1d", "conv2d", "conv3d", "sigmoid", "tanh", "relu", "leaky_relu"):
        raise ValueError(nonlinearity)
    return nn.init.calculate_gain(nonlinearity, a)


def kaiming_std(shape, a=0.0, mode="fan_in", nonlinearity="leaky_relu"):
    fan = nn.init._calculate_correct_fan(torch.empty(shape, device="meta"), mode)
    return gain_for(nonlinearity, a) / math.sqrt(fan)


def kaiming_bound(shape, a=0.0, mode="fan_in", nonlinearity="leaky_relu"):
    return math.sqrt(3) * kaiming_std(shape, a, mode, nonlinearity)
