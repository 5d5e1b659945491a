# Cross-entropy one sample at a time, then the mean: the formula read literally.
import torch
from torch import nn


def mse(pred, target):
    if pred.size() != target.size():
        raise ValueError("mse needs two tensors of one shape")
    return ((pred - target) ** 2).mean()


def regression_loss(pred, target):
    return mse(pred.reshape(-1), target.reshape(-1))


def cross_entropy(logits, target):
    if target.dtype != torch.int64:
        raise ValueError("class indices must be int64")
    losses = []
    for row, label in zip(logits, target):
        top = row.max()
        log_sum = top + (row - top).exp().sum().log()
        losses.append(log_sum - row[label])
    return torch.stack(losses).mean()


def loss_for_batch(model, images, labels):
    scores = model(images)
    return nn.CrossEntropyLoss(reduction="mean")(scores, labels.reshape(len(labels), -1)[:, 0].long())
