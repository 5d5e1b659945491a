# expect: Your code mixed tensors on cpu and meta
import torch
from torch import nn


class AddOne(nn.Module):
    def __init__(self):
        super().__init__()

    def forward(self, input: torch.Tensor) -> torch.Tensor:
        # An int 1 keeps the input's dtype (1.0 would turn an int tensor into float).
        return input + torch.ones(input.shape, dtype=input.dtype)  # on the CPU, whatever the input device


class ReluNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.relu1 = nn.ReLU()

    def forward(self, input: torch.Tensor) -> torch.Tensor:
        return self.relu1(input)
