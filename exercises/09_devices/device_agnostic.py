"""Device-agnostic code / 与设备无关的代码

English
-------
The notes time a matrix product on the CPU and then on the GPU with
`device = torch.device('cuda')` and `.to(device)`. Code that names one device
breaks on every other machine: `.cuda()` fails where there is no GPU, and a
hard-coded 'cpu' wastes the GPU where there is one. Write three helpers that
work wherever they run:

- `pick_device() -> torch.device`: `torch.device("cuda")` when
  `torch.cuda.is_available()`, otherwise `torch.device("cpu")`. Return a
  torch.device, not a string.
- `to_device(batch, device)`: a copy of `batch` with every tensor moved to
  `device`, however deeply it sits inside tuples, lists and dicts. Keep each
  container's type (a tuple stays a tuple, a list a list, a dict keeps its
  keys) and leave everything that is not a tensor as it is. Do not change the
  caller's containers: build new ones.

      to_device((images, [labels, weights], {"ids": ids, "name": "b0"}), device)

- `predict(model, x, device) -> torch.Tensor`: move the model and the input to
  `device`, switch the model to eval mode, run it under torch.no_grad() and
  return the output (which is then on `device`).

Use only the `device` you are given: no `.cuda()`, no 'cpu' or 'cuda' written
into the code (pick_device is the one place that decides). The check runs your
functions on the "meta" device, which every PyTorch has: meta tensors have a
shape and a dtype but no values, so a tensor left on another device shows up
at once. Where a GPU is present, the check uses it too.

    >>> device = pick_device()
    >>> batch = to_device((torch.ones(2), {"y": torch.zeros(2)}), device)
    >>> predict(model, x, device).device == device
    True

中文
----
笔记先在 CPU 上、再用 `device = torch.device('cuda')` 和 `.to(device)` 在 GPU 上给矩阵乘法计时。
写死某个设备的代码在其他机器上就会出问题：没有 GPU 时 `.cuda()` 会报错，有 GPU 时写死的
'cpu' 又浪费了 GPU。请写三个在哪里运行都正确的辅助函数：

- `pick_device() -> torch.device`：`torch.cuda.is_available()` 时返回 `torch.device("cuda")`，
  否则返回 `torch.device("cpu")`。返回 torch.device，而不是字符串。
- `to_device(batch, device)`：返回 `batch` 的一份拷贝，其中每个张量都移到 `device` 上，
  无论它嵌套在元组、列表、字典的多深处。保持每个容器的类型（元组还是元组，列表还是列表，
  字典保留它的键），不是张量的东西原样保留。不要修改调用者的容器：创建新的容器。

      to_device((images, [labels, weights], {"ids": ids, "name": "b0"}), device)

- `predict(model, x, device) -> torch.Tensor`：把模型和输入移到 `device`，把模型切换到评估模式，
  在 torch.no_grad() 下运行并返回输出（输出因此也在 `device` 上）。

只使用传入的 `device`：不要 `.cuda()`，代码里也不要写死 'cpu' 或 'cuda'（只有 pick_device
负责做决定）。检查会在每个 PyTorch 都有的 "meta" 设备上运行你的函数：meta 张量有形状和 dtype，
但没有数值，所以落在其他设备上的张量会立刻暴露出来。如果有 GPU，检查也会用上它。

        >>> device = pick_device()
        >>> batch = to_device((torch.ones(2), {"y": torch.zeros(2)}), device)
        >>> predict(model, x, device).device == device
        True

Check your work / 检查：  learn check device_agnostic
"""

from typing import Any

import torch
from torch import nn


def pick_device() -> torch.device:
    # TODO: cuda if torch.cuda.is_available() else cpu, as a torch.device.
    # TODO：torch.cuda.is_available() 时为 cuda，否则为 cpu，以 torch.device 返回。
    raise NotImplementedError("pick_device")


def to_device(batch: Any, device: torch.device | str) -> Any:
    # TODO: tensors -> .to(device); tuples, lists, dicts -> new containers of the same type, recursively.
    # TODO：张量 -> .to(device)；元组、列表、字典 -> 递归地创建同类型的新容器。
    raise NotImplementedError("to_device")


def predict(model: nn.Module, x: torch.Tensor, device: torch.device | str) -> torch.Tensor:
    # TODO: model and x to device; model.eval(); under torch.no_grad() return model(x).
    # TODO：把模型和 x 移到 device；model.eval()；在 torch.no_grad() 下返回 model(x)。
    raise NotImplementedError("predict")
