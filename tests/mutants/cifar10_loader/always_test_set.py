# expect: train=True is the training set, train=False the test set
"""Reference solution: CIFAR-10 through torchvision.datasets, transforms and a DataLoader."""

import torch
import torchvision
from torch.utils.data import DataLoader
from torchvision import transforms
from torchvision.utils import make_grid

CIFAR_MEAN = (0.4914, 0.4822, 0.4465)
CIFAR_STD = (0.2470, 0.2435, 0.2616)


def load_cifar(root: str, train: bool) -> torchvision.datasets.CIFAR10:
    return torchvision.datasets.CIFAR10(root, train=False, download=False, transform=transforms.ToTensor())


def class_names(root: str) -> list[str]:
    return load_cifar(root, train=False).classes


def cifar_loader(root: str, batch_size: int = 64) -> DataLoader:
    normalize = transforms.Compose([transforms.ToTensor(), transforms.Normalize(CIFAR_MEAN, CIFAR_STD)])
    dataset = torchvision.datasets.CIFAR10(root, train=False, download=False, transform=normalize)
    return DataLoader(dataset, batch_size=batch_size, shuffle=True)


def first_images_grid(root: str, count: int = 8) -> torch.Tensor:
    dataset = load_cifar(root, train=False)
    images = torch.stack([dataset[i][0] for i in range(count)])
    return make_grid(images, nrow=4)
