# expect: is not spread uniformly over
# torch.rand draws from [0, 1): the bias lands in [0, bound) only, half the range nn.Linear uses.
import math

import torch
from torch import nn


class MyLinear(nn.Module):
    def __init__(self, in_features, out_features):
        super().__init__()
        bound = 1 / math.sqrt(in_features)
        self.weight = nn.Parameter(torch.empty(out_features, in_features).uniform_(-bound, bound))
        self.bias = nn.Parameter(torch.rand(out_features) * bound)

    def forward(self, x):
        return x @ self.weight.T + self.bias
