# An empty nn.Sequential filled with add_module; "same" padding written as padding=2 for a 5x5 kernel.
from torch import nn


class CifarNet(nn.Module):
    def __init__(self):
        super().__init__()
        seq = nn.Sequential()
        seq.add_module("c1", nn.Conv2d(3, 32, 5, 1, 2))
        seq.add_module("p1", nn.MaxPool2d(2, 2))
        seq.add_module("c2", nn.Conv2d(32, 32, 5, 1, 2))
        seq.add_module("p2", nn.MaxPool2d(2, 2))
        seq.add_module("c3", nn.Conv2d(32, 64, 5, 1, 2))
        seq.add_module("p3", nn.MaxPool2d(2, 2))
        seq.add_module("flat", nn.Flatten())
        seq.add_module("l1", nn.Linear(1024, 64))
        seq.add_module("l2", nn.Linear(64, 10))
        self.layers = seq

    def forward(self, images):
        return self.layers(images)
