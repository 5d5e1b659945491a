# expect: torch.exp(1000.0) overflows to inf
import torch
from torch import nn


def mse(pred, target):
    if pred.shape != target.shape:
        raise ValueError("shapes differ")
    return ((pred - target) ** 2).mean()


def regression_loss(pred, target):
    return mse(pred.reshape(-1), target.reshape(-1))


def cross_entropy(logits, target):
    if target.dtype != torch.int64:
        raise ValueError("int64 targets")
    probs = torch.exp(logits) / torch.exp(logits).sum(dim=1, keepdim=True)
    return -torch.log(probs.gather(1, target.unsqueeze(1))).mean()


def loss_for_batch(model, images, labels):
    return nn.CrossEntropyLoss()(model(images), labels.reshape(-1).long())

