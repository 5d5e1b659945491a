# expect: overwrite the caller's batch
import torch


def predict_classes(scores):
    return torch.max(scores, dim=1)[1]


def accuracy(scores, labels):
    return (predict_classes(scores) == labels).sum().item() / len(labels)


def row_normalise(x):
    return x / x.sum(dim=1, keepdim=True)


def normalize_channels(images, mean, std):
    mean = torch.tensor(mean, dtype=images.dtype, device=images.device).view(1, -1, 1, 1)
    std = torch.tensor(std, dtype=images.dtype, device=images.device).view(1, -1, 1, 1)
    return images.sub_(mean).div_(std)

