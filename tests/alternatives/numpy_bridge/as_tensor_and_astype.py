# torch.as_tensor shares memory with a same-dtype array; astype before crossing over.
import numpy as np
import torch
from sklearn.datasets import load_iris


def to_tensor(array):
    return torch.as_tensor(array)


def to_array(t):
    return t.detach().numpy()


def classification_tensors(features, labels):
    return torch.as_tensor(features.astype(np.float32)), torch.as_tensor(labels.astype(np.int64))


def regression_tensors(features, targets):
    return torch.as_tensor(np.asarray(features, dtype=np.float32)), torch.as_tensor(np.asarray(targets, dtype=np.float32))


def iris_tensors():
    x, y = load_iris(return_X_y=True)
    return classification_tensors(x, y)
