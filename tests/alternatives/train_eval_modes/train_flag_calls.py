# train(flag) instead of if/else; running statistics read from state_dict; modes kept in a dict by name.
import torch
from torch import nn


def dropout_scale(p):
    if p < 0 or p >= 1:
        raise ValueError("p must satisfy 0 <= p < 1")
    return float(1 / (1 - p))


def run_dropout(x, p, training):
    return nn.Dropout(p=p).train(training)(x)


def run_batchnorm(x, training):
    return nn.BatchNorm2d(x.shape[1]).to(x.device).train(training)(x)


def batchnorm_running_stats(batches, momentum=0.1):
    norm = nn.BatchNorm2d(batches[0].shape[1], momentum=momentum).to(batches[0].device).train()
    for batch in batches:
        norm(batch)
    state = norm.state_dict()
    return state["running_mean"].detach().clone(), state["running_var"].detach().clone()


def predict(model, x):
    saved = {name: module.training for name, module in model.named_modules()}
    model.eval()
    with torch.no_grad():
        out = model(x)
    for name, module in model.named_modules():
        module.training = saved[name]
    return out
