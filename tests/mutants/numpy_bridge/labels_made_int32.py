# expect: Your labels are int32
import numpy as np
import torch
from sklearn.datasets import load_iris


def to_tensor(array: np.ndarray) -> torch.Tensor:
    # from_numpy wraps the same buffer: no copy, dtype kept.
    return torch.from_numpy(array)


def to_array(t: torch.Tensor) -> np.ndarray:
    # detach() shares memory too, so the array still sees later changes to t.
    return t.detach().numpy()


def classification_tensors(features: np.ndarray, labels: np.ndarray) -> tuple[torch.Tensor, torch.Tensor]:
    # Layers compute in float32; CrossEntropyLoss wants class indices as int64.
    return torch.from_numpy(features.astype(np.float32)), torch.from_numpy(labels).int()  # int32: a neighbour of the int64 rule


def regression_tensors(features: np.ndarray, targets: np.ndarray) -> tuple[torch.Tensor, torch.Tensor]:
    return torch.from_numpy(features.astype(np.float32)), torch.from_numpy(targets.astype(np.float32))


def iris_tensors() -> tuple[torch.Tensor, torch.Tensor]:
    features, labels = load_iris(return_X_y=True)
    return classification_tensors(features, labels)
