"""Every argument spelled out; the batch built with map."""

import torch
from torchvision import transforms

MEAN = (0.5, 0.5, 0.5)
STD = (0.5, 0.5, 0.5)


def train_transform():
    steps = [
        transforms.RandomCrop(size=32, padding=(4, 4, 4, 4), fill=0, padding_mode="constant"),
        transforms.RandomHorizontalFlip(p=0.5),
        transforms.ToTensor(),
        transforms.Normalize(mean=list(MEAN), std=list(STD)),
    ]
    return transforms.Compose(steps)


def test_transform():
    return transforms.Compose([transforms.ToTensor(), transforms.Normalize(mean=MEAN, std=STD)])


def augment_batch(images, seed):
    torch.random.manual_seed(seed)
    pipeline = train_transform()
    return torch.stack(list(map(pipeline, images)), dim=0)
