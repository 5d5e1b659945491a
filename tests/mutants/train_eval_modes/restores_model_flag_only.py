# expect: Remember each submodule's own flag
# Restores the flag at model level only: model.train(was) also wakes up a frozen BatchNorm.
import torch
from torch import nn


def dropout_scale(p):
    if not 0 <= p < 1:
        raise ValueError("p must be in [0, 1)")
    return 1.0 / (1.0 - p)


def run_dropout(x, p, training):
    layer = nn.Dropout(p)
    layer.train(training)
    return layer(x)


def run_batchnorm(x, training):
    layer = nn.BatchNorm2d(x.shape[1], device=x.device)
    layer.train(training)
    return layer(x)


def batchnorm_running_stats(batches, momentum=0.1):
    layer = nn.BatchNorm2d(batches[0].shape[1], momentum=momentum, device=batches[0].device)
    with torch.no_grad():
        for batch in batches:
            layer(batch)
    return layer.running_mean, layer.running_var


def predict(model, x):
    was_training = model.training
    model.eval()
    with torch.no_grad():
        out = model(x)
    model.train(was_training)
    return out
