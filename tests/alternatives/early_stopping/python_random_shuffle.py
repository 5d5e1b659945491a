"""random.Random(seed).shuffle for the split; a countdown of remaining patience."""
import random

import torch
from torch.utils.data import Subset


def split_train_val(dataset, val_fraction, seed):
    size = len(dataset)
    n_val = int(size * val_fraction)
    if val_fraction <= 0 or val_fraction >= 1 or n_val < 1 or size - n_val < 1:
        raise ValueError(f"cannot split {size} samples with val_fraction={val_fraction}")
    indices = list(range(size))
    random.Random(seed).shuffle(indices)
    return Subset(dataset, indices[:size - n_val]), Subset(dataset, indices[size - n_val:])


class EarlyStopping:
    def __init__(self, patience, min_delta=0.0):
        if not patience >= 1:
            raise ValueError(f"patience={patience}")
        if not min_delta >= 0:
            raise ValueError(f"min_delta={min_delta}")
        self.patience = patience
        self.min_delta = float(min_delta)
        self.left = patience
        self.calls = 0
        self.best_loss = float("inf")
        self.best_epoch = None
        self.best_state = None

    def step(self, val_loss, model=None):
        improved = val_loss < self.best_loss - self.min_delta
        if improved:
            self.best_loss, self.best_epoch = val_loss, self.calls
            self.left = self.patience
            if model is not None:
                with torch.no_grad():
                    self.best_state = {key: tensor.clone() for key, tensor in model.state_dict().items()}
        else:
            self.left -= 1
        self.calls += 1
        return self.left <= 0
