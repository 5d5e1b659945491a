# expect: the graph was broken
import torch
from torch import nn


class AddOne(nn.Module):
    def forward(self, input):
        return torch.tensor(input.tolist()) + 1 if input.device.type != "meta" else input + 1


class ReluNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.relu = nn.ReLU()

    def forward(self, input):
        return self.relu(input)
