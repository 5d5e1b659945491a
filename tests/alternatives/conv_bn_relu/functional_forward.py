"""Layers listed then unpacked; the middle width from int(in_channel / 4) after checking the remainder."""
import torch
from torch import nn


def conv_bn_relu(in_channels, out_channels, kernel_size, padding=0):
    layers = [
        nn.Conv2d(in_channels, out_channels, kernel_size, padding=padding, bias=False),
        nn.BatchNorm2d(out_channels),
        nn.ReLU(),
    ]
    return nn.Sequential(*layers)


class Bottleneck(nn.Module):
    def __init__(self, in_channel, out_channel):
        nn.Module.__init__(self)
        if not (in_channel > 0 and in_channel % 4 == 0):
            raise ValueError("in_channel must be a positive multiple of 4")
        mid = int(in_channel / 4)
        self.layer1, self.layer2, self.layer3 = (
            conv_bn_relu(in_channel, mid, kernel_size=1),
            conv_bn_relu(mid, mid, kernel_size=3, padding=1),
            conv_bn_relu(mid, out_channel, kernel_size=1),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.layer1(x)
        x = self.layer2(x)
        return self.layer3(x)
