"""The 2-pixel border as an nn.ZeroPad2d layer, one AvgPool2d used twice, nn.Flatten in one Sequential."""
from torch import nn


class LeNet5(nn.Module):
    def __init__(self):
        super().__init__()
        pool = nn.AvgPool2d(kernel_size=2, stride=2)
        self.net = nn.Sequential(
            nn.ZeroPad2d(2), nn.Conv2d(1, 6, 5), nn.Tanh(), pool,
            nn.Conv2d(6, 16, 5), nn.Tanh(), pool,
            nn.Flatten(),
            nn.Linear(16 * 5 * 5, 120), nn.Tanh(),
            nn.Linear(120, 84), nn.Tanh(),
            nn.Linear(84, 10),
        )

    def forward(self, x):
        return self.net(x)
