"""copy_ under set_grad_enabled(False); a fresh tensor via torch.tensor-like construction; zeros via a mask."""
import torch


def graph_facts(t):
    facts = {"requires_grad": t.requires_grad, "is_leaf": t.is_leaf, "grad_fn": None}
    if t.grad_fn is not None:
        facts["grad_fn"] = t.grad_fn.__class__.__name__
    return facts


def scale_parameter_(w, factor):
    with torch.set_grad_enabled(False):
        w.copy_(w * factor)


def frozen_copy(t):
    copy = torch.empty_like(t, requires_grad=False)
    with torch.no_grad():
        copy.copy_(t)
    return copy


def reset_checked(y):
    view = y.detach()
    view.masked_fill_(torch.ones_like(view, dtype=torch.bool), 0)
