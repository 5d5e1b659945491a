# The output layer is declared before the hidden one: registration order has no meaning.

import copy

import torch
from torch import nn
from torch.nn import functional as F
from torch.utils.data import DataLoader, TensorDataset

NAMES = ("SGD", "Momentum", "RMSprop", "Adam")


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.predict = nn.Linear(20, 1)
        self.hidden = nn.Linear(1, 20)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.predict(F.relu(self.hidden(x)))


def make_data(n: int = 1000, noise: float = 0.1) -> tuple[torch.Tensor, torch.Tensor]:
    x = torch.linspace(-1, 1, n).unsqueeze(1)  # a column: Linear(1, ...) wants (N, 1)
    y = x.pow(2) + noise * torch.randn(x.shape)
    return x, y


def make_optimizers(nets: list[nn.Module], lr: float) -> list[torch.optim.Optimizer]:
    sgd, momentum, rmsprop, adam = nets
    return [
        torch.optim.SGD(sgd.parameters(), lr=lr),
        torch.optim.SGD(momentum.parameters(), lr=lr, momentum=0.8),
        torch.optim.RMSprop(rmsprop.parameters(), lr=lr, alpha=0.9),
        torch.optim.Adam(adam.parameters(), lr=lr, betas=(0.9, 0.99)),
    ]


def compare_optimizers(
    x: torch.Tensor, y: torch.Tensor, lr: float = 0.01, batch_size: int = 32, epochs: int = 12
) -> dict[str, list[float]]:
    # Same starting weights and same batches: the optimizer is the only difference.
    start = Net()
    nets = [copy.deepcopy(start) for _ in NAMES]
    optimizers = make_optimizers(nets, lr)
    loader = DataLoader(TensorDataset(x, y), batch_size=batch_size, shuffle=True)
    loss_fn = nn.MSELoss()
    history = {name: [] for name in NAMES}
    for _ in range(epochs):
        for batch_x, batch_y in loader:
            for name, net, optimizer in zip(NAMES, nets, optimizers):
                loss = loss_fn(net(batch_x), batch_y)
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
                history[name].append(loss.item())
    return history
