"""torch.cat of (1, 3, 32, 32) pieces; the pipeline kept in a module-level list."""

import torch
from torchvision import transforms

MEAN = (0.5, 0.5, 0.5)
STD = (0.5, 0.5, 0.5)
_TO_NETWORK = [transforms.ToTensor(), transforms.Normalize(MEAN, STD)]


def train_transform():
    return transforms.Compose([transforms.RandomCrop(32, padding=4), transforms.RandomHorizontalFlip()] + _TO_NETWORK)


def test_transform():
    return transforms.Compose(list(_TO_NETWORK))


def augment_batch(images, seed):
    torch.manual_seed(seed)
    transform = train_transform()
    pieces = []
    for image in images:
        pieces.append(transform(image).unsqueeze(0))
    return torch.cat(pieces)
