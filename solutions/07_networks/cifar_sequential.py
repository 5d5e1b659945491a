"""Reference solution: the CIFAR-10 network from the notes."""

import torch
from torch import nn


class CifarNet(nn.Module):
    def __init__(self):
        super().__init__()
        # padding=2 with a 5x5 kernel keeps the spatial size; each pool halves it.
        self.model = nn.Sequential(
            nn.Conv2d(3, 32, 5, padding=2),
            nn.MaxPool2d(2),
            nn.Conv2d(32, 32, 5, padding=2),
            nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 5, padding=2),
            nn.MaxPool2d(2),
            nn.Flatten(),  # keeps the batch dimension: (N, 64, 4, 4) -> (N, 1024)
            nn.Linear(1024, 64),
            nn.Linear(64, 10),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.model(x)
