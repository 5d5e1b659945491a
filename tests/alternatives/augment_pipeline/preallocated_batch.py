"""A preallocated batch filled image by image, a fresh Compose each time (the generator is global)."""

import torch
import torchvision.transforms as T

MEAN = (0.5, 0.5, 0.5)
STD = (0.5, 0.5, 0.5)


def train_transform():
    return T.Compose([T.RandomCrop((32, 32), 4), T.RandomHorizontalFlip(), T.ToTensor(), T.Normalize(MEAN, STD)])


def test_transform():
    return T.Compose([T.ToTensor(), T.Normalize(MEAN, STD)])


def augment_batch(images, seed):
    torch.manual_seed(seed)
    batch = torch.empty(len(images), 3, 32, 32)
    for index, image in enumerate(images):
        batch[index] = train_transform()(image)
    return batch
