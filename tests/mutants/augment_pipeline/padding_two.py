# expect: transforms.RandomCrop(32, padding=4), transforms.RandomHorizontalFlip()
"""Reference solution: a seeded data augmentation pipeline for 32x32 images."""

import torch
from PIL import Image
from torchvision import transforms

MEAN = (0.5, 0.5, 0.5)
STD = (0.5, 0.5, 0.5)


def train_transform() -> transforms.Compose:
    return transforms.Compose([
        transforms.RandomCrop(32, padding=2),
        transforms.RandomHorizontalFlip(),
        transforms.ToTensor(),
        transforms.Normalize(MEAN, STD),
    ])


def test_transform() -> transforms.Compose:
    return transforms.Compose([transforms.ToTensor(), transforms.Normalize(MEAN, STD)])


def augment_batch(images: list[Image.Image], seed: int) -> torch.Tensor:
    torch.manual_seed(seed)
    transform = train_transform()
    return torch.stack([transform(image) for image in images])
