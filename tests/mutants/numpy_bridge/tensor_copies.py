# expect: torch.tensor(array) copies
import numpy as np
import torch
from sklearn.datasets import load_iris


def to_tensor(array):
    return torch.tensor(array)


def to_array(t):
    return t.detach().numpy()


def classification_tensors(features, labels):
    return torch.from_numpy(features).float(), torch.from_numpy(labels).long()


def regression_tensors(features, targets):
    return torch.from_numpy(features).float(), torch.from_numpy(targets).float()


def iris_tensors():
    return classification_tensors(*load_iris(return_X_y=True))

