"""Open file handles, train(False), and an explicit torch.device."""

import torch


def save_weights(model, path):
    with open(path, "wb") as handle:
        torch.save(model.state_dict(), handle)


def load_weights(model, path):
    with open(path, "rb") as handle:
        weights = torch.load(handle, weights_only=True, map_location="cpu")
    model.load_state_dict(weights, strict=True)
    return model.train(False)


def load_state_on(path, device):
    return torch.load(path, weights_only=True, map_location=torch.device(device))
