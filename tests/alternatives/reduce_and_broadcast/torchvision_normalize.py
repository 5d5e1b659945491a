# torchvision's own Normalize, argmax, mean of a boolean mask, division by a kept-dim sum.
import torch
from torchvision import transforms


def predict_classes(scores):
    return scores.argmax(dim=1)


def accuracy(scores, labels):
    return (predict_classes(scores) == labels).float().mean().item()


def row_normalise(x):
    return x / x.sum(dim=-1, keepdim=True)


def normalize_channels(images, mean, std):
    return transforms.Normalize(mean, std)(images)
