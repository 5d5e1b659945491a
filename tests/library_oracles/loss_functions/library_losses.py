# F.mse_loss and F.cross_entropy: the hand-written reference losses must agree with PyTorch's.
import torch
import torch.nn.functional as F
from torch import nn


def mse(pred, target):
    if pred.shape != target.shape:
        raise ValueError("x")
    return F.mse_loss(pred, target)


def regression_loss(pred, target):
    return F.mse_loss(pred.view(-1), target.view(-1)) if pred.numel() == target.numel() else mse(pred, target.view(-1))


def cross_entropy(logits, target):
    if target.dtype != torch.long:
        raise ValueError("x")
    return F.cross_entropy(logits, target)


def loss_for_batch(model, images, labels):
    return nn.CrossEntropyLoss()(model(images), labels.reshape(-1).long())

