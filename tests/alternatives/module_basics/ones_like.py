# input + ones_like(input) keeps dtype and device; nn.ReLU(inplace=False) stated explicitly.
import torch
import torch.nn as nn


class AddOne(nn.Module):
    def __init__(self):
        super().__init__()

    def forward(self, input):
        return input + torch.ones_like(input)


class ReluNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.relu = nn.ReLU(inplace=False)

    def forward(self, input):
        out = self.relu(input)
        return out
