"""Subtracts values from themselves to reset; numpy round trip for the frozen copy; graph facts from attributes."""
import torch


def graph_facts(t):
    grad_fn = getattr(t, "grad_fn", None)
    name = type(grad_fn).__name__ if grad_fn else None
    return {"requires_grad": t.requires_grad, "is_leaf": t.is_leaf, "grad_fn": name}


def scale_parameter_(w, factor):
    with torch.no_grad():
        w *= factor


def frozen_copy(t):
    return torch.from_numpy(t.detach().cpu().numpy().copy()).to(t.device)


def reset_checked(y):
    detached = y.detach()
    detached.sub_(detached.clone())
