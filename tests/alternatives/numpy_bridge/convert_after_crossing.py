# Cross with from_numpy, then convert on the PyTorch side (.float(), .long(), .to(dtype)).
import torch
from sklearn import datasets


def to_tensor(array):
    return torch.from_numpy(array)


def to_array(t):
    if t.requires_grad:
        t = t.detach()
    return t.numpy()


def classification_tensors(features, labels):
    return torch.from_numpy(features).float(), torch.from_numpy(labels).long()


def regression_tensors(features, targets):
    return torch.from_numpy(features).to(torch.float32), torch.from_numpy(targets).to(torch.float32)


def iris_tensors():
    bunch = datasets.load_iris()
    return classification_tensors(bunch.data, bunch.target)
