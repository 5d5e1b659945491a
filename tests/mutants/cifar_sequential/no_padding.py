# expect: The feature map shrank to nothing
from torch import nn


class CifarNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.model = nn.Sequential(
            nn.Conv2d(3, 32, 5), nn.MaxPool2d(2),
            nn.Conv2d(32, 32, 5), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 5), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1024, 64), nn.Linear(64, 10),
        )

    def forward(self, x):
        return self.model(x)
