# expect: a = 1 is the identity
import math


def compute_fans(shape):
    if len(shape) < 2:
        raise ValueError(shape)
    r = math.prod(shape[2:])
    return shape[1] * r, shape[0] * r


def gain_for(nonlinearity, a=0.0):
    if nonlinearity == "leaky_relu":
        return math.sqrt(2)
    table = {"linear": 1.0, "conv1d": 1.0, "conv2d": 1.0, "conv3d": 1.0, "sigmoid": 1.0, "tanh": 5 / 3, "relu": math.sqrt(2)}
    if nonlinearity not in table:
        raise ValueError(nonlinearity)
    return table[nonlinearity]


def kaiming_std(shape, a=0.0, mode="fan_in", nonlinearity="leaky_relu"):
    if mode not in ("fan_in", "fan_out"):
        raise ValueError(mode)
    fan_in, fan_out = compute_fans(shape)
    return gain_for(nonlinearity, a) / math.sqrt(fan_in if mode == "fan_in" else fan_out)


def kaiming_bound(shape, a=0.0, mode="fan_in", nonlinearity="leaky_relu"):
    return math.sqrt(3) * kaiming_std(shape, a, mode, nonlinearity)
