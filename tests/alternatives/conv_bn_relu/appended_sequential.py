"""Sequential filled with append; forward loops over the three layers; the check uses divmod."""
from torch import nn


def conv_bn_relu(in_channels, out_channels, kernel_size, padding=0):
    block = nn.Sequential()
    block.append(nn.Conv2d(in_channels, out_channels, kernel_size=kernel_size, stride=1, padding=padding, bias=False))
    block.append(nn.BatchNorm2d(num_features=out_channels))
    block.append(nn.ReLU(inplace=True))
    return block


class Bottleneck(nn.Module):
    def __init__(self, in_channel, out_channel):
        super().__init__()
        middle, rest = divmod(in_channel, 4)
        if rest or middle <= 0:
            raise ValueError("in_channel has to be 4, 8, 12, ...")
        self.layer1 = conv_bn_relu(in_channel, middle, 1)
        self.layer2 = conv_bn_relu(middle, middle, 3, 1)
        self.layer3 = conv_bn_relu(middle, out_channel, 1)

    def forward(self, x):
        for layer in (self.layer1, self.layer2, self.layer3):
            x = layer(x)
        return x
