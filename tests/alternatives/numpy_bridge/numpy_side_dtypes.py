# np.ascontiguousarray / np.asarray conversions, a float label array rounded before the int cast.
import numpy as np
import torch
from sklearn.datasets import load_iris


def to_tensor(array):
    return torch.from_numpy(array)


def to_array(t):
    return t.detach().cpu().numpy()


def classification_tensors(features, labels):
    x = np.asarray(features, dtype=np.float32)
    y = np.rint(labels).astype(np.int64) if np.issubdtype(labels.dtype, np.floating) else labels.astype(np.int64)
    return torch.from_numpy(x), torch.from_numpy(y)


def regression_tensors(features, targets):
    return (torch.from_numpy(np.ascontiguousarray(features, dtype=np.float32)),
            torch.from_numpy(np.ascontiguousarray(targets, dtype=np.float32)))


def iris_tensors():
    features, labels = load_iris(return_X_y=True)
    return torch.tensor(features, dtype=torch.float32), torch.tensor(labels, dtype=torch.int64)
