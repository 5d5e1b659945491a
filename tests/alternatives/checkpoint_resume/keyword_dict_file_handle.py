"""dict(...) with keywords, an open file handle, and map_location on the way back."""

import torch


def save_checkpoint(path, model, optimizer, epoch):
    with open(path, "wb") as handle:
        torch.save(dict(epoch=int(epoch), model=model.state_dict(), optimizer=optimizer.state_dict()), handle)


def load_checkpoint(path, model, optimizer):
    with open(path, "rb") as handle:
        saved = torch.load(handle, map_location="cpu", weights_only=True)
    optimizer.load_state_dict(saved["optimizer"])
    model.load_state_dict(saved["model"], strict=True)
    return int(saved["epoch"]) + 1
