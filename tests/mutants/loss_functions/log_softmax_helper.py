# expect: asks you to write yourself
# cross_entropy hands the work to F.log_softmax through a helper.
import torch
import torch.nn.functional as F
from torch import nn


def mse(pred, target):
    if pred.shape != target.shape:
        raise ValueError("shapes differ")
    return ((pred - target) ** 2).mean()


def regression_loss(pred, target):
    return mse(pred.reshape(-1), target.reshape(-1))


def _log_probs(logits):
    return getattr(F, "log_softmax")(logits, dim=1)


def cross_entropy(logits, target):
    if target.dtype != torch.int64:
        raise ValueError("int64 targets")
    return -_log_probs(logits).gather(1, target.unsqueeze(1)).mean()


def loss_for_batch(model, images, labels):
    return nn.CrossEntropyLoss()(model(images), labels.reshape(-1).long())
