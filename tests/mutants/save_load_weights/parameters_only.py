# expect: Save model.state_dict(), not the model
"""Reference solution: save a model's state_dict and load it back safely."""

import torch
from torch import nn


def save_weights(model: nn.Module, path: str) -> None:
    torch.save(dict(model.named_parameters()), path)


def load_weights(model: nn.Module, path: str) -> nn.Module:
    state = torch.load(path, weights_only=True)
    model.load_state_dict(state)
    model.eval()
    return model


def load_state_on(path: str, device: str) -> dict[str, torch.Tensor]:
    return torch.load(path, map_location=device, weights_only=True)
