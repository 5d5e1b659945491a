# expect: Key the counts by class name
from collections import Counter

from torchvision import datasets, transforms


def image_transform(mean, std):
    return transforms.Compose([transforms.ToTensor(), transforms.Normalize(mean, std)])


def make_dataset(root, mean=(0.5, 0.5, 0.5), std=(0.5, 0.5, 0.5)):
    return datasets.ImageFolder(root, transform=image_transform(mean, std))


def class_counts(dataset):
    return dict(Counter(dataset.targets))
