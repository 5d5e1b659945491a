# Shapes read off real nn.Conv2d layers on the meta device: the reference formulas must agree.
import torch
from torch import nn
def conv_parameter_shapes(i, o, k, bias=True):
    return {n: tuple(p.shape) for n, p in nn.Conv2d(i, o, k, bias=bias, device="meta").named_parameters()}
def conv_parameter_count(i, o, k, bias=True):
    return sum(p.numel() for p in nn.Conv2d(i, o, k, bias=bias, device="meta").parameters())
def conv_output_shape(layer, s):
    if s[1] != layer.in_channels: raise ValueError("x")
    return tuple(layer(torch.empty(s, device=layer.weight.device)).shape)
