# Every convolution is a subclass of nn.modules.conv._ConvNd: one isinstance covers Conv1d/2d/3d.
from torch import nn
from torch.nn.modules.conv import _ConvNd


def init_weights(model, gain=1.0):
    for module in model.modules():
        if isinstance(module, (nn.Linear, _ConvNd)) and not isinstance(module, nn.modules.conv._ConvTransposeNd):
            nn.init.xavier_uniform_(module.weight, gain=gain)
            if module.bias is not None:
                nn.init.constant_(module.bias, 0.0)
