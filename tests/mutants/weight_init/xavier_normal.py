# expect: lies outside
# xavier_normal_ has the right spread but no bound: some values leave [-a, a].
from torch import nn


def init_weights(model, gain=1.0):
    for module in model.modules():
        if isinstance(module, (nn.Linear, nn.Conv1d, nn.Conv2d, nn.Conv3d)):
            nn.init.xavier_normal_(module.weight, gain=gain)
            if module.bias is not None:
                nn.init.zeros_(module.bias)
