"""Reference solution: choosing a device and moving work onto it."""

from typing import Any

import torch
from torch import nn


def pick_device() -> torch.device:
    # The only place that decides; everything else takes the device it is given.
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


def to_device(batch: Any, device: torch.device | str) -> Any:
    if isinstance(batch, torch.Tensor):
        return batch.to(device)
    if isinstance(batch, dict):
        return {key: to_device(value, device) for key, value in batch.items()}
    if isinstance(batch, (list, tuple)):
        # type(batch)(...) keeps a tuple a tuple and a list a list, in a new container.
        return type(batch)(to_device(item, device) for item in batch)
    return batch  # numbers, strings, None: nothing to move


def predict(model: nn.Module, x: torch.Tensor, device: torch.device | str) -> torch.Tensor:
    model.to(device)  # moves the parameters and buffers in place
    model.eval()
    with torch.no_grad():
        return model(x.to(device))
