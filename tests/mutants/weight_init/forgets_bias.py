# expect: fc1.bias after init_weights (should be all zeros)
from torch import nn


def init_weights(model, gain=1.0):
    for module in model.modules():
        if isinstance(module, (nn.Linear, nn.Conv2d)):
            nn.init.xavier_uniform_(module.weight, gain=gain)
