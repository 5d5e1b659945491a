# The four optimizers from a table of (class, settings); copies of one Net through load_state_dict.
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

NAMES = ("SGD", "Momentum", "RMSprop", "Adam")

SETTINGS = (
    (torch.optim.SGD, {}),
    (torch.optim.SGD, {"momentum": 0.8}),
    (torch.optim.RMSprop, {"alpha": 0.9}),
    (torch.optim.Adam, {"betas": (0.9, 0.99)}),
)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(1, 20)
        self.predict = nn.Linear(20, 1)

    def forward(self, x):
        return self.predict(torch.relu(self.hidden(x)))


def make_data(n=1000, noise=0.1):
    x = torch.linspace(-1, 1, n).reshape(n, 1)
    y = x ** 2 + noise * torch.randn_like(x)
    return x, y


def make_optimizers(nets, lr):
    return [cls(net.parameters(), lr=lr, **kwargs) for net, (cls, kwargs) in zip(nets, SETTINGS)]


def compare_optimizers(x, y, lr=0.01, batch_size=32, epochs=12):
    start = Net()
    nets = []
    for _ in NAMES:
        net = Net()
        net.load_state_dict(start.state_dict())
        nets.append(net)
    optimizers = make_optimizers(nets, lr)
    loader = DataLoader(TensorDataset(x, y), batch_size=batch_size, shuffle=True)
    losses = {name: [] for name in NAMES}
    criterion = nn.MSELoss()
    for _ in range(epochs):
        for bx, by in loader:
            for name, net, opt in zip(NAMES, nets, optimizers):
                opt.zero_grad()
                loss = criterion(net(bx), by)
                loss.backward()
                opt.step()
                losses[name].append(float(loss))
    return losses
