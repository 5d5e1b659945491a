# expect: This exercise is the arithmetic behind nn.init
import math

from torch.nn import init


def compute_fans(shape):
    if len(shape) < 2:
        raise ValueError(shape)
    r = math.prod(shape[2:])
    return shape[1] * r, shape[0] * r


def gain_for(nonlinearity, a=0.0):
    return init.calculate_gain(nonlinearity, a)


def kaiming_std(shape, a=0.0, mode="fan_in", nonlinearity="leaky_relu"):
    if mode not in ("fan_in", "fan_out"):
        raise ValueError(mode)
    fan_in, fan_out = compute_fans(shape)
    return gain_for(nonlinearity, a) / math.sqrt(fan_in if mode == "fan_in" else fan_out)


def kaiming_bound(shape, a=0.0, mode="fan_in", nonlinearity="leaky_relu"):
    return math.sqrt(3) * kaiming_std(shape, a, mode, nonlinearity)
