# expect: has an nn.ReLU submodule: expected True, got False
from torch import nn


class AddOne(nn.Module):
    def forward(self, input):
        return input + 1


class ReluNet(nn.Module):
    def forward(self, input):
        return input.clamp(min=0)
