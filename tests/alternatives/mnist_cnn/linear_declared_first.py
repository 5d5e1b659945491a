# The Linear layer is declared first and the layers have other names: neither means anything.
import torch.nn.functional as F
from torch import nn


class MnistCnn(nn.Module):
    def __init__(self):
        super().__init__()
        self.classifier = nn.Linear(20 * 4 * 4, 10)
        self.second = nn.Conv2d(10, 20, 5)
        self.first = nn.Conv2d(1, 10, 5)

    def forward(self, x):
        x = F.relu(F.max_pool2d(self.first(x), 2))
        x = F.relu(F.max_pool2d(self.second(x), 2))
        return self.classifier(x.view(x.size(0), -1))
