# model.apply(fn) visits every submodule, as modules() does; the gain travels in a closure.
from torch import nn


def init_weights(model, gain=1.0):
    def init_one(module):
        if type(module) in (nn.Linear, nn.Conv1d, nn.Conv2d, nn.Conv3d):
            nn.init.xavier_uniform_(module.weight, gain)
            if module.bias is not None:
                nn.init.zeros_(module.bias)

    model.apply(init_one)
