# Names given with add_module; the ModuleList grown with append; the last layer told apart by its index.
import torch
from torch import nn


def make_named_sequential():
    model = nn.Sequential()
    model.add_module("conv1", nn.Conv2d(1, 20, 5))
    model.add_module("relu1", nn.ReLU())
    model.add_module("conv2", nn.Conv2d(20, 64, 5))
    model.add_module("relu2", nn.ReLU())
    return model


class LayerStack(nn.Module):
    def __init__(self, sizes):
        super().__init__()
        if len(sizes) < 2:
            raise ValueError("LayerStack needs at least an input and an output size")
        self.layers = nn.ModuleList()
        for i in range(len(sizes) - 1):
            self.layers.append(nn.Linear(sizes[i], sizes[i + 1]))

    def forward(self, x):
        last = len(self.layers) - 1
        for i, layer in enumerate(self.layers):
            x = layer(x)
            if i != last:
                x = torch.relu(x)
        return x
