"""Reference solution: the fans, gains and spreads behind nn.init.kaiming_*_."""

import math

#: gains that do not depend on a slope
FIXED_GAINS = {
    "linear": 1.0, "conv1d": 1.0, "conv2d": 1.0, "conv3d": 1.0, "sigmoid": 1.0,
    "tanh": 5.0 / 3.0, "relu": math.sqrt(2.0),
}
MODES = ("fan_in", "fan_out")


def compute_fans(shape: tuple[int, ...]) -> tuple[int, int]:
    if len(shape) < 2:
        raise ValueError(f"fans need a weight with at least 2 dimensions, got shape {tuple(shape)}")
    # Every kernel position of a convolution connects one more input (and output) per channel.
    receptive = math.prod(shape[2:])
    return shape[1] * receptive, shape[0] * receptive


def gain_for(nonlinearity: str, a: float = 0.0) -> float:
    if nonlinearity == "leaky_relu":
        return math.sqrt(2.0 / (1.0 + a ** 2))
    if nonlinearity in FIXED_GAINS:
        return FIXED_GAINS[nonlinearity]
    raise ValueError(f"no gain for nonlinearity {nonlinearity!r}")


def kaiming_std(shape: tuple[int, ...], a: float = 0.0, mode: str = "fan_in",
                nonlinearity: str = "leaky_relu") -> float:
    if mode not in MODES:
        raise ValueError(f"mode must be 'fan_in' or 'fan_out', got {mode!r}")
    fan_in, fan_out = compute_fans(shape)
    fan = fan_in if mode == "fan_in" else fan_out
    return gain_for(nonlinearity, a) / math.sqrt(fan)


def kaiming_bound(shape: tuple[int, ...], a: float = 0.0, mode: str = "fan_in",
                  nonlinearity: str = "leaky_relu") -> float:
    # U(-b, b) has variance b**2 / 3, so b = sqrt(3) * std gives the same variance.
    return math.sqrt(3.0) * kaiming_std(shape, a, mode, nonlinearity)
