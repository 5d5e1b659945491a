"""A plain dict of copies; keys compared by hand after a non-strict load; tensors moved after reading."""

import torch


def save_weights(model, path):
    torch.save({name: tensor.detach().clone() for name, tensor in model.state_dict().items()}, path)


def load_weights(model, path):
    weights = torch.load(path, weights_only=True)
    result = model.load_state_dict(weights, strict=False)
    if result.missing_keys or result.unexpected_keys:
        raise RuntimeError(f"missing {result.missing_keys}, unexpected {result.unexpected_keys}")
    for module in model.modules():
        module.training = False
    return model


def load_state_on(path, device):
    return {name: tensor.to(device) for name, tensor in torch.load(path, weights_only=True).items()}
