"""Reference solution: the notes' bottleneck block with an int middle width and bias-free convolutions."""

import torch
from torch import nn


def conv_bn_relu(in_channels: int, out_channels: int, kernel_size: int, padding: int = 0) -> nn.Sequential:
    # No conv bias: BatchNorm subtracts the channel mean right after, and adds its own learned shift.
    return nn.Sequential(
        nn.Conv2d(in_channels, out_channels, kernel_size, padding=padding, bias=False),
        nn.BatchNorm2d(out_channels),
        nn.ReLU(),
    )


class Bottleneck(nn.Module):
    def __init__(self, in_channel: int, out_channel: int):
        super().__init__()
        if in_channel < 4 or in_channel % 4 != 0:
            raise ValueError(f"in_channel must be a positive multiple of 4, got {in_channel}")
        middle = in_channel // 4  # an int: in_channel / 4 would be a float, which layers refuse
        self.layer1 = conv_bn_relu(in_channel, middle, 1)
        self.layer2 = conv_bn_relu(middle, middle, 3, padding=1)
        self.layer3 = conv_bn_relu(middle, out_channel, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.layer3(self.layer2(self.layer1(x)))
