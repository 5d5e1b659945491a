"""Reference solution: the notes' convolutional network for MNIST."""

import torch
from torch import nn


class MnistCnn(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 10, kernel_size=5)
        self.conv2 = nn.Conv2d(10, 20, kernel_size=5)
        # Pooling has no parameters, so one instance serves both stages.
        self.pooling = nn.MaxPool2d(2)
        # 28 -> 24 -> 12 -> 8 -> 4: 20 channels of 4x4 = 320 features.
        self.fc = nn.Linear(320, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = torch.relu(self.pooling(self.conv1(x)))
        x = torch.relu(self.pooling(self.conv2(x)))
        x = torch.flatten(x, 1)  # dimension 0 is the batch: keep it
        # Raw scores: CrossEntropyLoss applies log-softmax itself.
        return self.fc(x)
