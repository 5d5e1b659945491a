"""The training loop / 训练循环

English
-------
Every model in the notes is trained by the same loop. Write it once:

    train(model, loader, loss_fn, optimizer, epochs) -> list[float]

- `loader` yields `(inputs, targets)` batches (a DataLoader);
- `loss_fn(outputs, targets)` returns a 0-d loss tensor (e.g. nn.MSELoss());
- `optimizer` was built on `model.parameters()`.

For each of the `epochs` passes over the loader, and for every batch:

    outputs = model(inputs)
    loss = loss_fn(outputs, targets)
    optimizer.zero_grad()      # gradients ADD UP across backward() calls
    loss.backward()            # exactly once per batch
    optimizer.step()

Rules the check looks at:
- call `model.train()` before training: the model may arrive in eval mode
  (left there by an evaluation), and Dropout/BatchNorm behave differently;
- clear the gradients before every `backward()` (optimizer.zero_grad() or
  model.zero_grad(), before or after the forward pass, but before backward);
- return one Python float per epoch: the mean of that epoch's batch losses
  (add up `loss.item()`, never the tensor `loss` itself, which would keep
  every graph alive; divide by the number of batches). The checks use
  batches of equal size, so this is the epoch's mean loss.
- `epochs=0` trains nothing and returns [].

      >>> losses = train(model, loader, nn.MSELoss(), optimizer, epochs=3)
      >>> len(losses), losses[0] > losses[-1]
      (3, True)

中文
----
笔记里的每个模型都用同一个循环训练。把它写一次：

    train(model, loader, loss_fn, optimizer, epochs) -> list[float]

- `loader` 产生 `(inputs, targets)` 批次（一个 DataLoader）；
- `loss_fn(outputs, targets)` 返回 0 维的损失张量（例如 nn.MSELoss()）；
- `optimizer` 是基于 `model.parameters()` 创建的。

对 loader 遍历 `epochs` 轮，每个批次依次执行：

    outputs = model(inputs)
    loss = loss_fn(outputs, targets)
    optimizer.zero_grad()      # 梯度在多次 backward() 之间会“累加”
    loss.backward()            # 每批只调用一次
    optimizer.step()

检查关注的规则：
- 训练前调用 `model.train()`：模型可能处于评估模式（被之前的评估留下），
  而 Dropout/BatchNorm 在两种模式下行为不同；
- 每次 `backward()` 之前都要清除梯度（optimizer.zero_grad() 或 model.zero_grad()，
  放在前向计算之前或之后都行，但必须在 backward 之前）；
- 每一轮返回一个 Python 浮点数：这一轮各批次损失的平均值（累加 `loss.item()`，
  不要累加张量 `loss` 本身，那样会让每个计算图都一直留在内存里；再除以批次数）。
  检查中每个批次大小相同，所以这就是这一轮的平均损失。
- `epochs=0` 时什么也不训练，返回 []。

      >>> losses = train(model, loader, nn.MSELoss(), optimizer, epochs=3)
      >>> len(losses), losses[0] > losses[-1]
      (3, True)

Check your work / 检查：  learn check training_loop
"""

from typing import Callable, Iterable

import torch
from torch import nn


def train(
    model: nn.Module,
    loader: Iterable,
    loss_fn: Callable[[torch.Tensor, torch.Tensor], torch.Tensor],
    optimizer: torch.optim.Optimizer,
    epochs: int,
) -> list[float]:
    # TODO: model.train(); for each epoch, for each batch: forward, loss, zero_grad, backward, step.
    # TODO：model.train()；每一轮、每一个批次：前向、损失、zero_grad、backward、step。
    # TODO: collect loss.item() per batch and append the epoch's mean to the list you return.
    # TODO：收集每批的 loss.item()，把每一轮的平均值追加到要返回的列表中。
    raise NotImplementedError("train")
