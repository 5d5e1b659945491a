"""torchvision.transforms.v2, and the grid from an unshuffled DataLoader batch."""

import torch
from torch.utils.data import DataLoader
from torchvision.datasets import CIFAR10
from torchvision.transforms import v2
from torchvision.utils import make_grid

CIFAR_MEAN = (0.4914, 0.4822, 0.4465)
CIFAR_STD = (0.2470, 0.2435, 0.2616)


def _tensor_transform():
    return v2.Compose([v2.ToImage(), v2.ToDtype(torch.float32, scale=True)])


def load_cifar(root, train):
    return CIFAR10(root, train=train, transform=_tensor_transform())


def class_names(root):
    return CIFAR10(root, train=False).classes


def cifar_loader(root, batch_size=64):
    steps = v2.Compose([_tensor_transform(), v2.Normalize(CIFAR_MEAN, CIFAR_STD)])
    return DataLoader(CIFAR10(root, train=False, transform=steps), batch_size=batch_size, shuffle=True)


def first_images_grid(root, count=8):
    images, _ = next(iter(DataLoader(load_cifar(root, False), batch_size=count, shuffle=False)))
    return make_grid(images, 4)
