"""Keyword arguments, class names from class_to_idx, an explicit RandomSampler."""

import torch
from torch.utils.data import DataLoader, RandomSampler
from torchvision import datasets, transforms
from torchvision.utils import make_grid

CIFAR_MEAN = (0.4914, 0.4822, 0.4465)
CIFAR_STD = (0.2470, 0.2435, 0.2616)


def load_cifar(root, train):
    return datasets.CIFAR10(root=root, train=train, transform=transforms.ToTensor(), download=False)


def class_names(root):
    mapping = load_cifar(root, True).class_to_idx
    return sorted(mapping, key=mapping.get)


def cifar_loader(root, batch_size=64):
    pipeline = transforms.Compose([transforms.ToTensor(), transforms.Normalize(mean=CIFAR_MEAN, std=CIFAR_STD)])
    test_set = datasets.CIFAR10(root=root, train=False, transform=pipeline, download=False)
    return DataLoader(test_set, batch_size=batch_size, sampler=RandomSampler(test_set))


def first_images_grid(root, count=8):
    test_set = load_cifar(root, False)
    batch = torch.stack([test_set[i][0] for i in range(count)], dim=0)
    return make_grid(batch, nrow=4, padding=2, pad_value=0.0)
