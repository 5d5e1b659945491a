"""Comparing optimizers / 比较优化器

English
-------
The notes race four optimizers on the same regression problem: points
(x, x² + noise) with x in [-1, 1], a small network, lr = 0.01, batches of 32,
12 epochs. Rebuild that experiment.

- `Net`: `self.hidden = nn.Linear(1, 20)`, `self.predict = nn.Linear(20, 1)`;
  forward is predict(relu(hidden(x))). Input (N, 1), output (N, 1).
- `make_data(n=1000, noise=0.1) -> (x, y)`: x = n evenly spaced points from
  -1 to 1 as a column, shape (n, 1) (torch.linspace + unsqueeze(1));
  y = x ** 2 + noise * (standard normal noise of x's shape).
- `make_optimizers(nets, lr)`: four optimizers, one per network of the list
  `nets`, in the order of NAMES:

      SGD       torch.optim.SGD(lr=lr)
      Momentum  torch.optim.SGD(lr=lr, momentum=0.8)
      RMSprop   torch.optim.RMSprop(lr=lr, alpha=0.9)
      Adam      torch.optim.Adam(lr=lr, betas=(0.9, 0.99))

  Each optimizer gets the parameters of ITS OWN network.
- `compare_optimizers(x, y, lr=0.01, batch_size=32, epochs=12)` returns
  {"SGD": [...], "Momentum": [...], "RMSprop": [...], "Adam": [...]}: the
  loss (a float) of every training step of each network, in order.
  For a fair race:
  * build ONE Net and give each optimizer its own copy.deepcopy of it, so
    all four start from the same weights;
  * use ONE DataLoader(TensorDataset(x, y), batch_size, shuffle=True) and
    train all four networks on each batch it yields (nn.MSELoss(),
    zero_grad, backward, step for each network), so all four see the same
    batches in the same order.
  Each list therefore has epochs * len(loader) entries, and the four first
  entries are equal. The same torch.manual_seed must give the same result.

With the notes' settings, momentum, RMSprop and Adam all end with a clearly
lower loss than plain SGD. The experiment takes about a second.

中文
----
笔记在同一个回归问题上比较四种优化器：数据点为 (x, x² + 噪声)，x 在 [-1, 1] 之间，
一个小网络，lr = 0.01，每批 32 个，训练 12 轮。请重现这个实验。

- `Net`：`self.hidden = nn.Linear(1, 20)`，`self.predict = nn.Linear(20, 1)`；
  forward 为 predict(relu(hidden(x)))。输入 (N, 1)，输出 (N, 1)。
- `make_data(n=1000, noise=0.1) -> (x, y)`：x 是从 -1 到 1 均匀分布的 n 个点组成的列，
  形状 (n, 1)（torch.linspace + unsqueeze(1)）；y = x ** 2 + noise * （与 x 形状相同的标准正态噪声）。
- `make_optimizers(nets, lr)`：按 NAMES 的顺序，为列表 `nets` 中的每个网络各建一个优化器：

      SGD       torch.optim.SGD(lr=lr)
      Momentum  torch.optim.SGD(lr=lr, momentum=0.8)
      RMSprop   torch.optim.RMSprop(lr=lr, alpha=0.9)
      Adam      torch.optim.Adam(lr=lr, betas=(0.9, 0.99))

  每个优化器只拿“它自己那个”网络的参数。
- `compare_optimizers(x, y, lr=0.01, batch_size=32, epochs=12)` 返回
  {"SGD": [...], "Momentum": [...], "RMSprop": [...], "Adam": [...]}：每个网络每一步训练的损失
  （浮点数），按顺序排列。为了公平比较：
  * 只创建“一个”Net，用 copy.deepcopy 给每个优化器一份拷贝，四个网络从相同的权重出发；
  * 只用“一个”DataLoader(TensorDataset(x, y), batch_size, shuffle=True)，它产生的每个批次
    都用来训练全部四个网络（每个网络各自 nn.MSELoss()、zero_grad、backward、step），
    这样四个网络以相同的顺序看到相同的批次。
  因此每个列表有 epochs * len(loader) 个元素，四个列表的第一个元素相等。
  相同的 torch.manual_seed 必须得到相同的结果。

在笔记的设置下，momentum、RMSprop 和 Adam 最后的损失都明显低于普通 SGD。整个实验大约需要一秒。

Check your work / 检查：  learn check optimizer_comparison
"""

import copy

import torch
from torch import nn
from torch.nn import functional as F
from torch.utils.data import DataLoader, TensorDataset

NAMES = ("SGD", "Momentum", "RMSprop", "Adam")


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        # TODO: self.hidden = nn.Linear(1, 20); self.predict = nn.Linear(20, 1)
        # TODO：self.hidden = nn.Linear(1, 20)；self.predict = nn.Linear(20, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # TODO: predict(relu(hidden(x))) / TODO：predict(relu(hidden(x)))
        raise NotImplementedError("Net.forward")


def make_data(n: int = 1000, noise: float = 0.1) -> tuple[torch.Tensor, torch.Tensor]:
    # TODO: x of shape (n, 1) from -1 to 1; y = x ** 2 + noise * torch.randn(x.shape).
    # TODO：x 形状为 (n, 1)，从 -1 到 1；y = x ** 2 + noise * torch.randn(x.shape)。
    raise NotImplementedError("make_data")


def make_optimizers(nets: list[nn.Module], lr: float) -> list[torch.optim.Optimizer]:
    # TODO: one optimizer per network, in the order of NAMES, with the notes' settings.
    # TODO：按 NAMES 的顺序为每个网络建一个优化器，使用笔记中的设置。
    raise NotImplementedError("make_optimizers")


def compare_optimizers(
    x: torch.Tensor, y: torch.Tensor, lr: float = 0.01, batch_size: int = 32, epochs: int = 12
) -> dict[str, list[float]]:
    # TODO: one Net, four deep copies, one shuffled loader; every batch trains all four networks.
    # TODO：一个 Net、四份深拷贝、一个打乱顺序的加载器；每个批次都训练全部四个网络。
    raise NotImplementedError("compare_optimizers")
