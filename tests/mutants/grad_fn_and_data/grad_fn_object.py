# expect: type(t.grad_fn).__name__
import torch


def graph_facts(t: torch.Tensor) -> dict:
    return {
        "requires_grad": t.requires_grad,
        "is_leaf": t.is_leaf,
        "grad_fn": t.grad_fn,
    }


def scale_parameter_(w: torch.Tensor, factor: float) -> None:
    with torch.no_grad():  # an update of the parameter, not a step of the model's computation
        w.mul_(factor)


def frozen_copy(t: torch.Tensor) -> torch.Tensor:
    return t.detach().clone()  # detach cuts the graph; clone gives the copy its own memory


def reset_checked(y: torch.Tensor) -> None:
    # detach() shares y's values AND its version counter, so a backward that needs the old values will refuse.
    y.detach().zero_()
