# A reset_parameters method like nn.Linear's; the forward flattens leading dimensions, uses addmm, and
# restores them.
import math

import torch
from torch import nn


class MyLinear(nn.Module):
    def __init__(self, in_features, out_features):
        super().__init__()
        self.in_features, self.out_features = in_features, out_features
        self.weight = nn.Parameter(torch.Tensor(out_features, in_features))
        self.bias = nn.Parameter(torch.Tensor(out_features))
        self.reset_parameters()

    def reset_parameters(self):
        bound = 1.0 / math.sqrt(self.in_features)
        with torch.no_grad():
            self.weight.uniform_(-bound, bound)
            self.bias.uniform_(-bound, bound)

    def forward(self, x):
        leading = x.shape[:-1]
        flat = x.reshape(-1, self.in_features)
        out = torch.addmm(self.bias, flat, self.weight.T)
        return out.reshape(*leading, self.out_features)
