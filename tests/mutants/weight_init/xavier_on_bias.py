# expect: A bias is 1-D, shape (out_features,): it has no fan-in and fan-out
from torch import nn


def init_weights(model, gain=1.0):
    # As in the notes: Xavier on the weights and on the biases.
    for module in model.modules():
        if isinstance(module, (nn.Linear, nn.Conv2d)):
            nn.init.xavier_uniform_(module.weight, gain=gain)
            if module.bias is not None:
                nn.init.xavier_uniform_(module.bias, gain=gain)
