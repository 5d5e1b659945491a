"""Reference solution: Xavier-uniform weights and zero biases."""

from torch import nn

#: layers whose weight has a fan-in and a fan-out
INITIALISED = (nn.Linear, nn.Conv1d, nn.Conv2d, nn.Conv3d)


def init_weights(model: nn.Module, gain: float = 1.0) -> None:
    # modules() walks the whole tree, so layers inside nested containers are
    # reached too; the nn.init functions work in place under no_grad.
    for module in model.modules():
        if isinstance(module, INITIALISED):
            nn.init.xavier_uniform_(module.weight, gain=gain)
            # A bias is 1-D: it has no fan-in/fan-out, so Xavier cannot size it.
            if module.bias is not None:
                nn.init.zeros_(module.bias)
