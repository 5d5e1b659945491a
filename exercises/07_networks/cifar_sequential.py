"""The CIFAR-10 network with nn.Sequential / 用 nn.Sequential 搭建 CIFAR-10 网络

English
-------
The notes build a small network for CIFAR-10 (3x32x32 colour images, 10
classes). Write it as `CifarNet(nn.Module)` with all layers inside ONE
`nn.Sequential`, in this order:

    Conv2d(3, 32, 5, padding=2)   -> (N, 32, 32, 32)
    MaxPool2d(2)                  -> (N, 32, 16, 16)
    Conv2d(32, 32, 5, padding=2)  -> (N, 32, 16, 16)
    MaxPool2d(2)                  -> (N, 32, 8, 8)
    Conv2d(32, 64, 5, padding=2)  -> (N, 64, 8, 8)
    MaxPool2d(2)                  -> (N, 64, 4, 4)
    Flatten()                     -> (N, 1024)
    Linear(1024, 64)              -> (N, 64)
    Linear(64, 10)                -> (N, 10)

`forward(x)` takes (N, 3, 32, 32) and returns (N, 10) scores. The model has
145,578 parameters. It must work for any batch size N and on any device.

中文
----
笔记中为 CIFAR-10（3x32x32 的彩色图片，10 个类别）搭建了一个小网络。请把它写成
`CifarNet(nn.Module)`，所有层按下面的顺序放进同一个 `nn.Sequential`：

    Conv2d(3, 32, 5, padding=2)   -> (N, 32, 32, 32)
    MaxPool2d(2)                  -> (N, 32, 16, 16)
    Conv2d(32, 32, 5, padding=2)  -> (N, 32, 16, 16)
    MaxPool2d(2)                  -> (N, 32, 8, 8)
    Conv2d(32, 64, 5, padding=2)  -> (N, 64, 8, 8)
    MaxPool2d(2)                  -> (N, 64, 4, 4)
    Flatten()                     -> (N, 1024)
    Linear(1024, 64)              -> (N, 64)
    Linear(64, 10)                -> (N, 10)

`forward(x)` 接收 (N, 3, 32, 32)，返回 (N, 10) 的得分。模型共有 145,578 个参数。
它必须适用于任意批大小 N 和任意设备。

Check your work / 检查：  learn check cifar_sequential
"""

import torch
from torch import nn


class CifarNet(nn.Module):
    def __init__(self):
        super().__init__()
        # TODO: self.model = nn.Sequential(...) with the nine layers above.
        # TODO：self.model = nn.Sequential(...)，包含上面的九层。

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # TODO / 待完成
        raise NotImplementedError("CifarNet.forward")
