# A transform written as a small class (to_tensor, then normalize from the functional API);
# counts from the samples list.
from torchvision import datasets
from torchvision.transforms import functional as TF


class ToNormalizedTensor:
    def __init__(self, mean, std):
        self.mean, self.std = list(mean), list(std)

    def __call__(self, image):
        return TF.normalize(TF.to_tensor(image), self.mean, self.std)


def image_transform(mean, std):
    return ToNormalizedTensor(mean, std)


def make_dataset(root, mean=(0.5, 0.5, 0.5), std=(0.5, 0.5, 0.5)):
    return datasets.ImageFolder(root, transform=ToNormalizedTensor(mean, std))


def class_counts(dataset):
    counts = dict.fromkeys(dataset.classes, 0)
    for _, index in dataset.samples:
        counts[dataset.classes[index]] += 1
    return counts
