# expect: an in-place change outside no_grad is refused
import torch


def graph_facts(t: torch.Tensor) -> dict:
    return {
        "requires_grad": t.requires_grad,
        "is_leaf": t.is_leaf,
        "grad_fn": type(t.grad_fn).__name__ if t.grad_fn is not None else None,
    }


def scale_parameter_(w: torch.Tensor, factor: float) -> None:
    w.mul_(factor)


def frozen_copy(t: torch.Tensor) -> torch.Tensor:
    return t.detach().clone()  # detach cuts the graph; clone gives the copy its own memory


def reset_checked(y: torch.Tensor) -> None:
    # detach() shares y's values AND its version counter, so a backward that needs the old values will refuse.
    y.detach().zero_()
