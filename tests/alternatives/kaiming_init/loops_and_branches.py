"""Fans from a loop over the kernel sizes, gains from a chain of branches."""


def compute_fans(shape):
    dims = list(shape)
    if len(dims) <= 1:
        raise ValueError("a weight needs two dimensions")
    receptive = 1
    for k in dims[2:]:
        receptive *= k
    fan_out, fan_in = dims[0] * receptive, dims[1] * receptive
    return fan_in, fan_out


def gain_for(nonlinearity, a=0.0):
    if nonlinearity in ["linear", "sigmoid"] or nonlinearity.startswith("conv") and nonlinearity[4:] in ("1d", "2d", "3d"):
        return 1.0
    elif nonlinearity == "tanh":
        return 5 / 3
    elif nonlinearity == "relu":
        return 2 ** 0.5
    elif nonlinearity == "leaky_relu":
        return (2 / (1 + a * a)) ** 0.5
    else:
        raise ValueError("unknown nonlinearity: " + nonlinearity)


def kaiming_std(shape, a=0.0, mode="fan_in", nonlinearity="leaky_relu"):
    fans = dict(zip(("fan_in", "fan_out"), compute_fans(shape)))
    if mode not in fans:
        raise ValueError("bad mode " + str(mode))
    return gain_for(nonlinearity, a) * fans[mode] ** -0.5


def kaiming_bound(shape, a=0.0, mode="fan_in", nonlinearity="leaky_relu"):
    return (3 ** 0.5) * kaiming_std(shape, a=a, mode=mode, nonlinearity=nonlinearity)
