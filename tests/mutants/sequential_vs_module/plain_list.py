# expect: the layers are kept in a plain Python list
from collections import OrderedDict

import torch
from torch import nn


def make_named_sequential():
    return nn.Sequential(OrderedDict([
        ("conv1", nn.Conv2d(1, 20, 5)), ("relu1", nn.ReLU()),
        ("conv2", nn.Conv2d(20, 64, 5)), ("relu2", nn.ReLU()),
    ]))


class LayerStack(nn.Module):
    def __init__(self, sizes):
        super().__init__()
        if len(sizes) < 2:
            raise ValueError("need two sizes")
        self.layers = [nn.Linear(a, b) for a, b in zip(sizes, sizes[1:])]

    def forward(self, x):
        for index, layer in enumerate(self.layers):
            x = layer(x)
            if index < len(self.layers) - 1:
                x = torch.relu(x)
        return x
