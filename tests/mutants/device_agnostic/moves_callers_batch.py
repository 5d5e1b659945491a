# expect: assigning into the caller's (batch[k] = ...) moves their data too
# Writes the moved tensors back into the caller's lists and dicts (a tuple is rebuilt, since it cannot be).
import torch


def pick_device():
    return torch.device("cuda") if torch.cuda.is_available() else torch.device("cpu")


def to_device(batch, device):
    if isinstance(batch, torch.Tensor):
        return batch.to(device)
    if isinstance(batch, list):
        for i, item in enumerate(batch):
            batch[i] = to_device(item, device)
        return batch
    if isinstance(batch, dict):
        for key in batch:
            batch[key] = to_device(batch[key], device)
        return batch
    if isinstance(batch, tuple):
        return tuple(to_device(item, device) for item in batch)
    return batch


def predict(model, x, device):
    model.to(device).eval()
    with torch.no_grad():
        return model(x.to(device))
