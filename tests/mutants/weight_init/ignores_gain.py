# expect: but Xavier-uniform values with this gain have
from torch import nn


def init_weights(model, gain=1.0):
    for module in model.modules():
        if isinstance(module, (nn.Linear, nn.Conv2d)):
            nn.init.xavier_uniform_(module.weight)
            if module.bias is not None:
                nn.init.zeros_(module.bias)
