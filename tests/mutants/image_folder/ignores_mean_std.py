# expect: ignores the mean and std it was given
from torchvision import datasets, transforms


def image_transform(mean, std):
    return transforms.Compose([transforms.ToTensor(), transforms.Normalize(mean, std)])


def make_dataset(root, mean=(0.5, 0.5, 0.5), std=(0.5, 0.5, 0.5)):
    # Copied from a tutorial: the arguments are never used.
    return datasets.ImageFolder(root, transform=image_transform((0.5, 0.5, 0.5), (0.5, 0.5, 0.5)))


def class_counts(dataset):
    return {name: dataset.targets.count(i) for i, name in enumerate(dataset.classes)}
