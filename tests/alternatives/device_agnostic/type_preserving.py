# Containers rebuilt through their own type (type(batch)(...)); predict as a no_grad-decorated function.
import torch


def pick_device():
    name = "cuda" if torch.cuda.is_available() else "cpu"
    return torch.device(name)


def to_device(batch, device):
    if torch.is_tensor(batch):
        return batch.to(device)
    if isinstance(batch, dict):
        return type(batch)((key, to_device(value, device)) for key, value in batch.items())
    if isinstance(batch, (list, tuple)):
        return type(batch)(to_device(item, device) for item in batch)
    return batch


@torch.no_grad()
def predict(model, x, device):
    model.to(device)
    model.train(False)
    return model(x.to(device))
