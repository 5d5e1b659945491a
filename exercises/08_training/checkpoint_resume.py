"""Checkpoints that resume training exactly / 能精确恢复训练的检查点

English
-------
Long training runs get interrupted. A checkpoint saves everything needed to
carry on as if nothing had happened:

- the model's state_dict (weights and buffers);
- the optimizer's state_dict: its settings (lr, momentum, betas, ...) and its
  running state (SGD's momentum buffers, Adam's exp_avg and exp_avg_sq and
  step counts). Without it, momentum and Adam restart from zero and the
  resumed run drifts away from the uninterrupted one;
- the number of the epoch that just finished.

    checkpoint = {"model": ..., "optimizer": ..., "epoch": ...}

A dict of tensors, numbers and strings loads with
torch.load(path, weights_only=True).

Write:

1. `save_checkpoint(path, model, optimizer, epoch)`: save the dict above to
   path, with the keys "model", "optimizer" and "epoch" (epoch is the int
   number of the epoch that just finished, counted from 0).
2. `load_checkpoint(path, model, optimizer)`: restore model and optimizer (both
   freshly built, the optimizer over the model's parameters) from the file and
   return the epoch to continue with: the saved epoch + 1.

Then this loop gives exactly the same weights whether or not it was stopped
and restarted after any epoch:

    start = load_checkpoint(path, model, optimizer) if resuming else 0
    for epoch in range(start, epochs):
        train_one_epoch(model, optimizer)
        save_checkpoint(path, model, optimizer, epoch)

中文
----
训练时间长了难免被打断。检查点保存继续训练所需的一切，让训练像没有中断过一样继续下去：

- 模型的 state_dict（权重和缓冲区）；
- 优化器的 state_dict：它的设置（lr、momentum、betas 等）和运行中的状态（SGD 的动量缓冲区，Adam 的
  exp_avg、exp_avg_sq 和步数）。没有它，动量和 Adam 会从零重新开始，恢复后的训练就会偏离没有中断的那一次；
- 刚刚完成的那一轮（epoch）的编号。

    checkpoint = {"model": ..., "optimizer": ..., "epoch": ...}

由张量、数字和字符串组成的字典可以用 torch.load(path, weights_only=True) 加载。

请实现：

1. `save_checkpoint(path, model, optimizer, epoch)`：把上面的字典保存到 path，键为 "model"、"optimizer"
   和 "epoch"（epoch 是刚完成的那一轮的编号，int 类型，从 0 开始计数）。
2. `load_checkpoint(path, model, optimizer)`：从文件恢复 model 和 optimizer（两者都是新建的，
   优化器管理的是该模型的参数），并返回接下来要训练的轮次：保存的 epoch + 1。

这样，下面的循环无论是否在某一轮之后停下再重新开始，得到的权重都完全相同：

    start = load_checkpoint(path, model, optimizer) if resuming else 0
    for epoch in range(start, epochs):
        train_one_epoch(model, optimizer)
        save_checkpoint(path, model, optimizer, epoch)

Check your work / 检查：  learn check checkpoint_resume
"""

import torch
from torch import nn


def save_checkpoint(path: str, model: nn.Module, optimizer: torch.optim.Optimizer, epoch: int) -> None:
    # TODO: torch.save a dict with "model", "optimizer" and "epoch".
    # TODO：用 torch.save 保存包含 "model"、"optimizer" 和 "epoch" 的字典。
    raise NotImplementedError("save_checkpoint")


def load_checkpoint(path: str, model: nn.Module, optimizer: torch.optim.Optimizer) -> int:
    # TODO: load both state_dicts, return the epoch to continue with.
    # TODO：加载两个 state_dict，返回接下来要训练的轮次。
    raise NotImplementedError("load_checkpoint")
