# The three conv/pool stages appended in a loop, then flatten and the two linear layers.
import torch
from torch import nn


class CifarNet(nn.Module):
    def __init__(self):
        super().__init__()
        layers = []
        for c_in, c_out in ((3, 32), (32, 32), (32, 64)):
            layers += [nn.Conv2d(c_in, c_out, kernel_size=5, stride=1, padding=2), nn.MaxPool2d(kernel_size=2)]
        layers += [nn.Flatten(start_dim=1), nn.Linear(64 * 4 * 4, 64), nn.Linear(64, 10)]
        self.net = nn.Sequential(*layers)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)
