# torch.add for AddOne; the ReLU layer kept under another name and called from forward.
import torch
from torch import nn


class AddOne(nn.Module):
    def forward(self, input):
        return torch.add(input, 1)


class ReluNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.activation = nn.ReLU()

    def forward(self, input):
        return self.activation(input)
