"""Classifier declared before the features; pooling by reshaping into 2x2 blocks and averaging them."""
import torch
from torch import nn


def average_2x2(x):
    n, c, h, w = x.shape
    return x.reshape(n, c, h // 2, 2, w // 2, 2).mean(dim=(3, 5))


class LeNet5(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.ModuleList([nn.Linear(400, 120), nn.Linear(120, 84), nn.Linear(84, 10)])
        self.conv = nn.ModuleList([nn.Conv2d(1, 6, (5, 5), padding=(2, 2)), nn.Conv2d(6, 16, (5, 5))])

    def forward(self, x):
        for conv in self.conv:
            x = average_2x2(torch.tanh(conv(x)))
        x = x.flatten(start_dim=1)
        for layer in self.fc[:-1]:
            x = layer(x).tanh()
        return self.fc[-1](x)
