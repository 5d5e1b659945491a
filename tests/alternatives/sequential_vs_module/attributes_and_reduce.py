# Sequential children assigned as attributes (they register in order); a ModuleList from map; reduce in forward.
from functools import reduce

import torch
from torch import nn


def make_named_sequential():
    model = nn.Sequential()
    model.conv1 = nn.Conv2d(1, 20, kernel_size=(5, 5))
    model.relu1 = nn.ReLU()
    model.conv2 = nn.Conv2d(20, 64, kernel_size=(5, 5))
    model.relu2 = nn.ReLU()
    return model


class LayerStack(nn.Module):
    def __init__(self, sizes):
        super().__init__()
        if len(sizes) <= 1:
            raise ValueError("sizes must hold at least two numbers")
        self.layers = nn.ModuleList(map(nn.Linear, sizes[:-1], sizes[1:]))

    def forward(self, x):
        hidden = reduce(lambda h, layer: torch.relu(layer(h)), self.layers[:-1], x)
        return self.layers[-1](hidden)
