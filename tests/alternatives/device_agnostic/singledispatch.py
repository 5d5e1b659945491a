# functools.singledispatch picks the copy for each container type.
from functools import singledispatch

import torch
from torch import nn


def pick_device() -> torch.device:
    if torch.cuda.is_available():
        return torch.device("cuda")
    return torch.device("cpu")


@singledispatch
def _move(value, device):
    return value


@_move.register
def _(value: torch.Tensor, device):
    return value.to(device=device)


@_move.register
def _(value: tuple, device):
    return tuple(_move(v, device) for v in value)


@_move.register
def _(value: list, device):
    return [_move(v, device) for v in value]


@_move.register
def _(value: dict, device):
    return {k: _move(v, device) for k, v in value.items()}


def to_device(batch, device):
    return _move(batch, device)


def predict(model: nn.Module, x: torch.Tensor, device) -> torch.Tensor:
    model.to(device).eval()
    with torch.no_grad():
        output = model(x.to(device))
    return output
