# expect: shapes, 4th item, dim 1: expected 128, got 64
import torch
import torch.nn.functional as F
from torch import nn

PIXELS = 28 * 28


class MnistMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.l1 = nn.Linear(PIXELS, 512)
        self.l2 = nn.Linear(512, 256)
        self.l3 = nn.Linear(256, 64)
        self.l4 = nn.Linear(64, 64)
        self.l5 = nn.Linear(64, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # flatten(1) keeps dimension 0 as the batch; view(-1, 784) would make up a batch size instead.
        x = x.flatten(1)
        if x.shape[1] != PIXELS:
            raise ValueError(f"expected {PIXELS} values per sample, got {x.shape[1]}")
        x = F.relu(self.l1(x))
        x = F.relu(self.l2(x))
        x = F.relu(self.l3(x))
        x = F.relu(self.l4(x))
        return self.l5(x)  # logits: CrossEntropyLoss applies the softmax itself
