"""Works with variances (gain squared) and takes square roots at the end."""
import numpy as np

VARIANCE_GAIN = {"linear": 1.0, "conv1d": 1.0, "conv2d": 1.0, "conv3d": 1.0, "sigmoid": 1.0,
                 "tanh": 25.0 / 9.0, "relu": 2.0}


def compute_fans(shape):
    if np.ndim(np.empty(tuple(shape), dtype=np.uint8)) < 2:
        raise ValueError("bias-like shape")
    kernel = int(np.prod(shape[2:], dtype=np.int64))
    return int(shape[1]) * kernel, int(shape[0]) * kernel


def variance_gain(nonlinearity, a):
    if nonlinearity == "leaky_relu":
        return 2.0 / (1.0 + a ** 2)
    try:
        return VARIANCE_GAIN[nonlinearity]
    except KeyError:
        raise ValueError(nonlinearity) from None


def gain_for(nonlinearity, a=0.0):
    return float(np.sqrt(variance_gain(nonlinearity, a)))


def kaiming_std(shape, a=0.0, mode="fan_in", nonlinearity="leaky_relu"):
    if mode == "fan_in":
        fan = compute_fans(shape)[0]
    elif mode == "fan_out":
        fan = compute_fans(shape)[1]
    else:
        raise ValueError(mode)
    return float(np.sqrt(variance_gain(nonlinearity, a) / fan))


def kaiming_bound(shape, a=0.0, mode="fan_in", nonlinearity="leaky_relu"):
    return float(np.sqrt(3.0 * variance_gain(nonlinearity, a) / compute_fans(shape)[0 if mode == "fan_in" else 1])) \
        if mode in ("fan_in", "fan_out") else kaiming_std(shape, a, mode, nonlinearity)
