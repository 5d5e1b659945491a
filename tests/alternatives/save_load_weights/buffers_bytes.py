"""Bytes through io.BytesIO, written to disk in one go; a dict from saved location to device for map_location."""

import io
from pathlib import Path

import torch


def save_weights(model, path):
    buffer = io.BytesIO()
    torch.save(model.state_dict(), buffer)
    Path(path).write_bytes(buffer.getvalue())


def load_weights(model, path):
    state = torch.load(io.BytesIO(Path(path).read_bytes()), weights_only=True)
    model.load_state_dict(state)
    model.eval()
    return model


def load_state_on(path, device):
    return torch.load(path, map_location={"cpu": str(device)}, weights_only=True)
