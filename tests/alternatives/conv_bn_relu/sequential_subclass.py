"""The block as a subclass of nn.Sequential with tuple kernel sizes; forward with functools.reduce."""
from functools import reduce

from torch import nn


class ConvBNReLU(nn.Sequential):
    def __init__(self, in_channels, out_channels, kernel_size, padding=0):
        super().__init__(
            nn.Conv2d(in_channels, out_channels, (kernel_size, kernel_size), padding=(padding, padding), bias=False),
            nn.BatchNorm2d(out_channels, eps=1e-5, momentum=0.1),
            nn.ReLU(),
        )


def conv_bn_relu(in_channels, out_channels, kernel_size, padding=0):
    return ConvBNReLU(in_channels, out_channels, kernel_size, padding)


class Bottleneck(nn.Module):
    def __init__(self, in_channel, out_channel):
        super().__init__()
        if in_channel <= 0 or in_channel & 3:
            raise ValueError(f"{in_channel} is not a positive multiple of 4")
        narrow = in_channel >> 2
        self.layer3 = conv_bn_relu(narrow, out_channel, 1)
        self.layer2 = conv_bn_relu(narrow, narrow, 3, padding=1)
        self.layer1 = conv_bn_relu(in_channel, narrow, 1)

    def forward(self, x):
        return reduce(lambda h, layer: layer(h), [self.layer1, self.layer2, self.layer3], x)
