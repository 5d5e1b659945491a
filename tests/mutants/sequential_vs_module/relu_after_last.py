# expect: there is a ReLU after the last layer too
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
        self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in zip(sizes, sizes[1:]))

    def forward(self, x):
        for layer in self.layers:
            x = torch.relu(layer(x))
        return x
