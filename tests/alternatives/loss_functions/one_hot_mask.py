# The target's log-probability picked with a one-hot mask (a sum instead of gather).
import torch
import torch.nn.functional as F
from torch import nn


def mse(pred: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    if tuple(pred.shape) != tuple(target.shape):
        raise ValueError("pred and target must have the same shape")
    return torch.mean(torch.square(pred - target))


def regression_loss(pred: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    return mse(torch.reshape(pred, (-1,)), torch.reshape(target, (-1,)))


def cross_entropy(logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    if target.dtype != torch.int64:
        raise ValueError(f"expected int64 targets, got {target.dtype}")
    shifted = logits - logits.detach().max(dim=1, keepdim=True).values  # the shift is a constant
    log_probs = shifted - torch.log(torch.sum(torch.exp(shifted), dim=1, keepdim=True))
    mask = F.one_hot(target, num_classes=logits.shape[1]).to(logits.dtype)
    return -(log_probs * mask).sum() / logits.shape[0]


def loss_for_batch(model: nn.Module, images: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    labels = labels.long()
    if labels.dim() > 1:
        labels = labels.squeeze(1)
    return nn.CrossEntropyLoss()(model(images), labels)
