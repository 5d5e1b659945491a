# expect: The statement asks for nn.Conv1d, nn.Conv2d and nn.Conv3d
# Handles Linear and Conv2d only: Conv1d/Conv3d layers keep PyTorch's default init.
from torch import nn


def init_weights(model, gain=1.0):
    for module in model.modules():
        if isinstance(module, (nn.Linear, nn.Conv2d)):
            nn.init.xavier_uniform_(module.weight, gain=gain)
            if module.bias is not None:
                nn.init.zeros_(module.bias)
