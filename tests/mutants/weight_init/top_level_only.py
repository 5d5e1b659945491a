# expect: model.children() only lists the top level
from torch import nn


def init_weights(model, gain=1.0):
    for module in model.children():
        if isinstance(module, (nn.Linear, nn.Conv2d)):
            nn.init.xavier_uniform_(module.weight, gain=gain)
            if module.bias is not None:
                nn.init.zeros_(module.bias)
