# expect: Adam, betas, 2nd item: expected 0.99, got 0.999
import copy

import torch
from torch import nn
from torch.nn import functional as F
from torch.utils.data import DataLoader, TensorDataset

NAMES = ("SGD", "Momentum", "RMSprop", "Adam")


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(1, 20)
        self.predict = nn.Linear(20, 1)

    def forward(self, x):
        return self.predict(F.relu(self.hidden(x)))


def make_data(n=1000, noise=0.1):
    x = torch.linspace(-1, 1, n).unsqueeze(1)
    return x, x.pow(2) + noise * torch.randn(x.shape)


def make_optimizers(nets, lr):
    return [
        torch.optim.SGD(nets[0].parameters(), lr=lr),
        torch.optim.SGD(nets[1].parameters(), lr=lr, momentum=0.8),
        torch.optim.RMSprop(nets[2].parameters(), lr=lr, alpha=0.9),
        torch.optim.Adam(nets[3].parameters(), lr=lr),
    ]


def compare_optimizers(x, y, lr=0.01, batch_size=32, epochs=12):
    start = Net()
    nets = [copy.deepcopy(start) for _ in NAMES]
    optimizers = make_optimizers(nets, lr)
    loader = DataLoader(TensorDataset(x, y), batch_size=batch_size, shuffle=True)
    history = {name: [] for name in NAMES}
    for _ in range(epochs):
        for bx, by in loader:
            for name, net, opt in zip(NAMES, nets, optimizers):
                loss = F.mse_loss(net(bx), by)
                opt.zero_grad()
                loss.backward()
                opt.step()
                history[name].append(loss.item())
    return history

