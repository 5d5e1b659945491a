# expect: not only whether it is a float
# Refuses float targets only: int32 class indices slip through.
import torch
from torch import nn


def mse(pred, target):
    if pred.shape != target.shape:
        raise ValueError("shapes differ")
    return ((pred - target) ** 2).mean()


def regression_loss(pred, target):
    return mse(pred.reshape(-1), target.reshape(-1))


def cross_entropy(logits, target):
    if target.is_floating_point():
        raise ValueError("class indices, not floats")
    shifted = logits - logits.max(dim=1, keepdim=True).values
    log_probs = shifted - shifted.exp().sum(dim=1, keepdim=True).log()
    return -log_probs.gather(1, target.long().unsqueeze(1)).squeeze(1).mean()


def loss_for_batch(model, images, labels):
    return nn.CrossEntropyLoss()(model(images), labels.reshape(-1).long())
