"""An nn.ReLU module and nn.Flatten; the size check before flattening, from the shape's product."""
import math

from torch import nn


class MnistMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.act = nn.ReLU()
        self.l1 = nn.Linear(28 * 28, 512)
        self.l2 = nn.Linear(512, 256)
        self.l3 = nn.Linear(256, 128)
        self.l4 = nn.Linear(128, 64)
        self.l5 = nn.Linear(64, 10)

    def forward(self, x):
        if math.prod(x.shape[1:]) != 784:
            raise ValueError(f"input {tuple(x.shape)} does not hold 784 values per sample")
        h = self.flatten(x)
        h = self.act(self.l1(h))
        h = self.act(self.l2(h))
        h = self.act(self.l3(h))
        h = self.act(self.l4(h))
        return self.l5(h)
