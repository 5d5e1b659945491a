# expect: Build everything from logits and target
# A helper tensor made on the CPU: fine there, broken as soon as the logits live on another device.
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
    shifted = logits - logits.max(dim=1, keepdim=True).values
    log_probs = shifted - shifted.exp().sum(dim=1, keepdim=True).log()
    picked = torch.zeros(logits.shape[0])
    picked = picked + log_probs.gather(1, target.unsqueeze(1)).squeeze(1)
    return -picked.mean()


def loss_for_batch(model, images, labels):
    return nn.CrossEntropyLoss()(model(images), labels.reshape(-1).long())
