# PILToTensor + ConvertImageDtype instead of ToTensor; counts with collections.Counter over class names.
from collections import Counter

import torch
from torchvision import datasets, transforms


def image_transform(mean, std):
    return transforms.Compose([
        transforms.PILToTensor(),
        transforms.ConvertImageDtype(torch.float32),
        transforms.Normalize(mean=mean, std=std),
    ])


def make_dataset(root, mean=(0.5, 0.5, 0.5), std=(0.5, 0.5, 0.5)):
    return datasets.ImageFolder(str(root), image_transform(mean, std))


def class_counts(dataset):
    names = Counter(dataset.classes[t] for t in dataset.targets)
    return {name: names.get(name, 0) for name in dataset.classes}
