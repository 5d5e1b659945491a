# expect: weights AND buffers
"""Reference solution: a checkpoint of model, optimizer and epoch that resumes training exactly."""

import torch
from torch import nn


def save_checkpoint(path: str, model: nn.Module, optimizer: torch.optim.Optimizer, epoch: int) -> None:
    torch.save({"model": dict(model.named_parameters()), "optimizer": optimizer.state_dict(), "epoch": epoch}, path)


def load_checkpoint(path: str, model: nn.Module, optimizer: torch.optim.Optimizer) -> int:
    checkpoint = torch.load(path, weights_only=True)
    model.load_state_dict(checkpoint["model"], strict=False)
    optimizer.load_state_dict(checkpoint["optimizer"])
    return checkpoint["epoch"] + 1
