# expect: has no method called forward
# The forward method misspelt: nn.Module never finds it.
"""CifarNet as the notes build it, with forward misspelt."""

import torch
from torch import nn


class CifarNet(nn.Module):
    def __init__(self):
        super().__init__()
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

    def foward(self, x: torch.Tensor) -> torch.Tensor:
        return self.model(x)
