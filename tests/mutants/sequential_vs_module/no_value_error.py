# expect: raise ValueError
from collections import OrderedDict

import torch
from torch import nn


def make_named_sequential() -> nn.Sequential:
    # The OrderedDict's keys become the submodule names (model.conv1,
    # "conv1.weight") instead of the default "0", "1", ...
    return nn.Sequential(OrderedDict([
        ("conv1", nn.Conv2d(1, 20, 5)),
        ("relu1", nn.ReLU()),
        ("conv2", nn.Conv2d(20, 64, 5)),
        ("relu2", nn.ReLU()),
    ]))


class LayerStack(nn.Module):
    def __init__(self, sizes: list[int]):
        super().__init__()
        if len(sizes) < 2:
            pass  # forgets to refuse a single size
        # nn.ModuleList registers every layer, so parameters(), .to() and
        # state_dict() see them; a plain list would hide them from the module.
        self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in zip(sizes, sizes[1:]))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        last = len(self.layers) - 1
        for index, layer in enumerate(self.layers):
            x = layer(x)
            if index < last:  # the last layer's output stays raw (scores can be negative)
                x = torch.relu(x)
        return x
