# Broadcasting spelled with None indexing; new_tensor keeps dtype and device; mean of a float mask.
import torch


def predict_classes(scores):
    return scores.max(dim=-1)[1]


def accuracy(scores, labels):
    return (predict_classes(scores) == labels).to(torch.float64).mean().item()


def row_normalise(x):
    return x / x.sum(dim=1)[:, None]


def normalize_channels(images, mean, std):
    m = images.new_tensor(mean)[None, :, None, None]
    s = images.new_tensor(std)[None, :, None, None]
    return images.sub(m).div(s)
