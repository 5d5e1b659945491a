"""view with the batch size spelled out (x.view(len(x), -1)), clamp(min=0) as the ReLU, layers declared last first."""
from torch import nn


class MnistMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.l5 = nn.Linear(64, 10)
        self.l4 = nn.Linear(128, 64)
        self.l3 = nn.Linear(256, 128)
        self.l2 = nn.Linear(512, 256)
        self.l1 = nn.Linear(784, 512)

    def forward(self, x):
        flat = x.contiguous().view(len(x), -1)
        if flat.shape[-1] != self.l1.in_features:
            raise ValueError("not an MNIST-sized input")
        for layer in (self.l1, self.l2, self.l3, self.l4):
            flat = layer(flat).clamp(min=0)
        return self.l5(flat)
