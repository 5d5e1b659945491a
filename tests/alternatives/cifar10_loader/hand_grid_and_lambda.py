"""PILToTensor + ConvertImageDtype, a Lambda for the normalisation, and the grid laid out by hand."""

import torch
import torchvision
from torch.utils.data import DataLoader
from torchvision import transforms

CIFAR_MEAN = (0.4914, 0.4822, 0.4465)
CIFAR_STD = (0.2470, 0.2435, 0.2616)
MEAN = torch.tensor(CIFAR_MEAN).view(3, 1, 1)
STD = torch.tensor(CIFAR_STD).view(3, 1, 1)


def _to_float():
    return transforms.Compose([transforms.PILToTensor(), transforms.ConvertImageDtype(torch.float32)])


def load_cifar(root, train):
    return torchvision.datasets.CIFAR10(root, train, _to_float(), None, False)


def class_names(root):
    return list(load_cifar(root, False).classes)


def cifar_loader(root, batch_size=64):
    pipeline = transforms.Compose([_to_float(), transforms.Lambda(lambda x: (x - MEAN) / STD)])
    return DataLoader(torchvision.datasets.CIFAR10(root, False, pipeline, None, False), batch_size, True)


def first_images_grid(root, count=8):
    dataset = load_cifar(root, False)
    per_row, pad, size = 4, 2, 32
    columns = min(count, per_row)
    rows = (count + per_row - 1) // per_row
    grid = torch.zeros(3, rows * (size + pad) + pad, columns * (size + pad) + pad)
    for i in range(count):
        top = pad + (i // per_row) * (size + pad)
        left = pad + (i % per_row) * (size + pad)
        grid[:, top:top + size, left:left + size] = dataset[i][0]
    return grid
