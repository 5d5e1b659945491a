"""grad_fn's name from its name() method; in-place updates with tensor methods under the no_grad decorator."""
import torch


def graph_facts(t):
    fn = t.grad_fn
    return dict(requires_grad=bool(t.requires_grad), is_leaf=bool(t.is_leaf),
                grad_fn=None if fn is None else fn.name())


@torch.no_grad()
def scale_parameter_(w, factor):
    w.mul_(factor)


def frozen_copy(t):
    return t.clone().detach()


def reset_checked(y):
    y.detach().fill_(0.0)
