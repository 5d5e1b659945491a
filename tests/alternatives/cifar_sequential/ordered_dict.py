# The notes' layers in one nn.Sequential built from an OrderedDict of named layers.
from collections import OrderedDict

from torch import nn


class CifarNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.model = nn.Sequential(OrderedDict([
            ("conv1", nn.Conv2d(3, 32, 5, padding=2)),
            ("pool1", nn.MaxPool2d(2)),
            ("conv2", nn.Conv2d(32, 32, 5, padding=2)),
            ("pool2", nn.MaxPool2d(2)),
            ("conv3", nn.Conv2d(32, 64, 5, padding=2)),
            ("pool3", nn.MaxPool2d(2)),
            ("flatten", nn.Flatten()),
            ("fc1", nn.Linear(1024, 64)),
            ("fc2", nn.Linear(64, 10)),
        ]))

    def forward(self, x):
        return self.model(x)
