"""Reference solution: a Linear layer built from two nn.Parameters."""

import math

import torch
from torch import nn


class MyLinear(nn.Module):
    def __init__(self, in_features: int, out_features: int):
        super().__init__()
        self.in_features = in_features
        self.out_features = out_features
        # nn.Parameter is what registers a tensor with the module: it appears in
        # parameters(), state_dict() and moves with .to(). The (out, in) layout is
        # nn.Linear's, so weights can be copied between the two.
        bound = 1 / math.sqrt(in_features)
        self.weight = nn.Parameter(torch.empty(out_features, in_features).uniform_(-bound, bound))
        self.bias = nn.Parameter(torch.empty(out_features).uniform_(-bound, bound))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # @ broadcasts over any leading dimensions, like nn.Linear.
        return x @ self.weight.T + self.bias
