# expect: you passed the function itself
from collections import Counter

from torchvision import datasets, transforms


def image_transform(mean: tuple[float, ...], std: tuple[float, ...]) -> transforms.Compose:
    # Normalize only accepts tensors, and it expects values already scaled
    # to [0, 1], which is exactly what ToTensor produces.
    return transforms.Compose([transforms.ToTensor(), transforms.Normalize(mean, std)])


def make_dataset(
    root: str, mean: tuple[float, ...] = (0.5, 0.5, 0.5), std: tuple[float, ...] = (0.5, 0.5, 0.5)
) -> datasets.ImageFolder:
    return datasets.ImageFolder(root, transform=image_transform)


def class_counts(dataset: datasets.ImageFolder) -> dict[str, int]:
    # targets is filled when the folder is scanned, so counting it opens no image.
    per_index = Counter(dataset.targets)
    return {name: per_index[index] for index, name in enumerate(dataset.classes)}
