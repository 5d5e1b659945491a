# expect: Pass map_location=device to torch.load
"""Reference solution: save a model's state_dict and load it back safely."""

import torch
from torch import nn


def save_weights(model: nn.Module, path: str) -> None:
    torch.save(model.state_dict(), path)


def load_weights(model: nn.Module, path: str) -> nn.Module:
    state = torch.load(path, weights_only=True)
    model.load_state_dict(state)
    model.eval()
    return model


def load_state_on(path: str, device: str) -> dict[str, torch.Tensor]:
    return torch.load(path, weights_only=True)
