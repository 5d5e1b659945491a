# torchvision's transforms.v2 (images come out as tv_tensors.Image, a Tensor); counts from a loop.
import torch
from torchvision import datasets
from torchvision.transforms import v2


def image_transform(mean, std):
    return v2.Compose([v2.ToImage(), v2.ToDtype(torch.float32, scale=True), v2.Normalize(list(mean), list(std))])


def make_dataset(root, mean=(0.5, 0.5, 0.5), std=(0.5, 0.5, 0.5)):
    return datasets.ImageFolder(root=root, transform=image_transform(mean, std))


def class_counts(dataset):
    counts = {name: 0 for name in dataset.classes}
    for target in dataset.targets:
        counts[dataset.classes[target]] += 1
    return counts
