# The bound computed by hand from the fans, then uniform_ in place under no_grad.
import math

import torch
from torch import nn


def init_weights(model: nn.Module, gain: float = 1.0) -> None:
    kinds = (nn.Linear, nn.Conv1d, nn.Conv2d, nn.Conv3d)
    with torch.no_grad():
        for layer in model.modules():
            if not isinstance(layer, kinds):
                continue
            weight = layer.weight
            receptive = math.prod(weight.shape[2:])
            fan_in, fan_out = weight.shape[1] * receptive, weight.shape[0] * receptive
            a = gain * math.sqrt(6.0 / (fan_in + fan_out))
            weight.uniform_(-a, a)
            if layer.bias is not None:
                layer.bias.zero_()
