# Each epoch's batches listed once, then every network trained on that list in turn: the same batches
# in the same order for all four.
import copy

import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

NAMES = ("SGD", "Momentum", "RMSprop", "Adam")


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(1, 20)
        self.predict = nn.Linear(20, 1)

    def forward(self, x):
        hidden = F.relu(self.hidden(x))
        return self.predict(hidden)


def make_data(n=1000, noise=0.1):
    x = torch.unsqueeze(torch.linspace(-1, 1, n), dim=1)
    return x, x.pow(2) + noise * torch.normal(torch.zeros(n, 1), torch.ones(n, 1))


def make_optimizers(nets, lr):
    first, second, third, fourth = nets
    return [
        torch.optim.SGD(first.parameters(), lr),
        torch.optim.SGD(second.parameters(), lr, momentum=0.8),
        torch.optim.RMSprop(third.parameters(), lr, alpha=0.9),
        torch.optim.Adam(fourth.parameters(), lr, betas=(0.9, 0.99)),
    ]


def compare_optimizers(x, y, lr=0.01, batch_size=32, epochs=12):
    base = Net()
    nets = [copy.deepcopy(base) for _ in range(4)]
    optimizers = make_optimizers(nets, lr)
    loader = DataLoader(TensorDataset(x, y), batch_size=batch_size, shuffle=True)
    history = {name: [] for name in NAMES}
    for _ in range(epochs):
        batches = list(loader)
        for name, net, optimizer in zip(NAMES, nets, optimizers):
            for inputs, targets in batches:
                loss = F.mse_loss(net(inputs), targets)
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
                history[name].append(loss.item())
    return history
