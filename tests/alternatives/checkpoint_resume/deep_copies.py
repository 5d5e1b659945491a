"""Deep copies of both state_dicts, restored in a loop over the two objects."""

import copy

import torch


def save_checkpoint(path, model, optimizer, epoch):
    checkpoint = {}
    checkpoint["epoch"] = epoch
    checkpoint["model"] = copy.deepcopy(model.state_dict())
    checkpoint["optimizer"] = copy.deepcopy(optimizer.state_dict())
    torch.save(checkpoint, path)


def load_checkpoint(path, model, optimizer):
    checkpoint = torch.load(path, weights_only=True)
    for target, key in ((model, "model"), (optimizer, "optimizer")):
        target.load_state_dict(checkpoint[key])
    finished = checkpoint["epoch"]
    return finished + 1
