"""Serialised to bytes first, written with pathlib; the next epoch computed before restoring."""

import io
from pathlib import Path

import torch


def save_checkpoint(path, model, optimizer, epoch):
    buffer = io.BytesIO()
    torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": epoch}, buffer)
    Path(path).write_bytes(buffer.getvalue())


def load_checkpoint(path, model, optimizer):
    data = torch.load(io.BytesIO(Path(path).read_bytes()), weights_only=True)
    next_epoch = data["epoch"] + 1
    model.load_state_dict(data["model"])
    optimizer.load_state_dict(data["optimizer"])
    return next_epoch
