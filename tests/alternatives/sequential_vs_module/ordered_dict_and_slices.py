# An OrderedDict built from a list of pairs; forward walks all layers but the last, then the last one.
from collections import OrderedDict

import torch.nn.functional as F
from torch import nn


def make_named_sequential():
    pairs = [("conv1", nn.Conv2d(in_channels=1, out_channels=20, kernel_size=5)), ("relu1", nn.ReLU()),
             ("conv2", nn.Conv2d(in_channels=20, out_channels=64, kernel_size=5)), ("relu2", nn.ReLU())]
    return nn.Sequential(OrderedDict(pairs))


class LayerStack(nn.Module):
    def __init__(self, sizes):
        super().__init__()
        sizes = list(sizes)
        if len(sizes) < 2:
            raise ValueError(f"need two sizes or more, got {sizes}")
        self.layers = nn.ModuleList([nn.Linear(i, o) for i, o in zip(sizes[:-1], sizes[1:])])

    def forward(self, x):
        for layer in self.layers[:-1]:
            x = F.relu(layer(x))
        return self.layers[-1](x)
