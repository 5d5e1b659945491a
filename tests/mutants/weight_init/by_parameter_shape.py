# expect: it must stay 1, or the layer multiplies everything by 0
from torch import nn


def init_weights(model, gain=1.0):
    # Every matrix gets Xavier, every vector gets zeros: BatchNorm's weight is a vector too.
    for parameter in model.parameters():
        if parameter.dim() >= 2:
            nn.init.xavier_uniform_(parameter, gain=gain)
        else:
            nn.init.zeros_(parameter)
