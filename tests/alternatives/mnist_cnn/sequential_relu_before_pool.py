# ReLU before pooling instead of after: max-pool and ReLU commute, so this is the same network.
from torch import nn
class MnistCnn(nn.Module):
    def __init__(self):
        super().__init__()
        self.model = nn.Sequential(
            nn.Conv2d(1, 10, 5), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(10, 20, 5), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(320, 10))
    def forward(self, x):
        return self.model(x)
