# predict through a small context manager that puts every module in eval mode and restores it.
from contextlib import contextmanager

import torch
from torch import nn


def dropout_scale(p):
    if not 0 <= p < 1:
        raise ValueError("dropout probability out of range")
    keep = 1 - p
    return 1 / keep


def run_dropout(x, p, training):
    dropout = nn.Dropout(p)
    dropout.training = bool(training)
    return dropout(x)


def run_batchnorm(x, training):
    bn = nn.BatchNorm2d(x.shape[1], device=x.device)
    bn.training = bool(training)
    return bn(x)


def batchnorm_running_stats(batches, momentum=0.1):
    bn = nn.BatchNorm2d(batches[0].shape[1], momentum=momentum, device=batches[0].device)
    bn.train(True)
    for batch in batches:
        with torch.no_grad():
            bn(batch)
    return bn.running_mean.detach().clone(), bn.running_var.detach().clone()


@contextmanager
def evaluating(model):
    before = [(module, module.training) for module in model.modules()]
    try:
        model.eval()
        yield model
    finally:
        for module, mode in before:
            module.training = mode


def predict(model, x):
    with evaluating(model), torch.no_grad():
        return model(x)
