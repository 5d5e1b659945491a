"""Everything through one helper that returns (fan_in, fan_out, gain); std and bound from it."""
from functools import reduce
from math import sqrt
from operator import mul


def _spec(shape, nonlinearity, a):
    return compute_fans(shape) + (gain_for(nonlinearity, a),)


def compute_fans(shape):
    shape = tuple(shape)
    if len(shape) < 2:
        raise ValueError(f"shape {shape} has fewer than 2 dimensions")
    out_size, in_size, *kernel = shape
    field = reduce(mul, kernel, 1)
    return in_size * field, out_size * field


def gain_for(nonlinearity, a=0.0):
    gains = {"relu": sqrt(2.0), "tanh": 5.0 / 3, "leaky_relu": sqrt(2.0 / (1 + a ** 2))}
    gains.update(dict.fromkeys(["linear", "conv1d", "conv2d", "conv3d", "sigmoid"], 1.0))
    if nonlinearity not in gains:
        raise ValueError(f"unsupported nonlinearity {nonlinearity}")
    return gains[nonlinearity]


def kaiming_bound(shape, a=0.0, mode="fan_in", nonlinearity="leaky_relu"):
    fan_in, fan_out, gain = _spec(shape, nonlinearity, a)
    fan = {"fan_in": fan_in, "fan_out": fan_out}.get(mode)
    if fan is None:
        raise ValueError(mode)
    return gain * sqrt(3.0 / fan)


def kaiming_std(shape, a=0.0, mode="fan_in", nonlinearity="leaky_relu"):
    return kaiming_bound(shape, a, mode, nonlinearity) / sqrt(3.0)
