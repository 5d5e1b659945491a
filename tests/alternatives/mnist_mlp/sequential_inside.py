"""Layers created in a loop over the widths, applied with torch.relu; reshape keeps the batch."""
import torch
from torch import nn

WIDTHS = [784, 512, 256, 128, 64, 10]


class MnistMLP(nn.Module):
    def __init__(self):
        super().__init__()
        for number, (fan_in, fan_out) in enumerate(zip(WIDTHS, WIDTHS[1:]), start=1):
            setattr(self, f"l{number}", nn.Linear(fan_in, fan_out))

    def forward(self, x):
        x = x.reshape(x.shape[0], -1)
        if x.size(1) != WIDTHS[0]:
            raise ValueError("each sample must hold 784 values")
        for name in ("l1", "l2", "l3", "l4"):
            x = torch.relu(getattr(self, name)(x))
        return self.l5(x)
