"""The split from a seeded NumPy permutation; early stopping recomputed from the whole loss history."""
from collections import OrderedDict

import numpy as np
from torch.utils.data import Subset


def split_train_val(dataset, val_fraction, seed):
    if not (0.0 < val_fraction < 1.0):
        raise ValueError(val_fraction)
    n = len(dataset)
    n_val = int(n * val_fraction)
    if not 1 <= n_val <= n - 1:
        raise ValueError("both parts need a sample")
    order = np.random.RandomState(seed).permutation(n)
    train = sorted(int(i) for i in order[n_val:])
    val = [int(i) for i in order[:n_val]]
    return Subset(dataset, train), Subset(dataset, val)


class EarlyStopping:
    def __init__(self, patience, min_delta=0.0):
        if patience <= 0:
            raise ValueError("patience")
        if min_delta < 0:
            raise ValueError("min_delta")
        self.patience = patience
        self.min_delta = min_delta
        self.history = []
        self.best_loss = float("inf")
        self.best_epoch = None
        self.best_state = None

    def step(self, val_loss, model=None):
        self.history.append(val_loss)
        epoch = len(self.history) - 1
        if val_loss < self.best_loss - self.min_delta:
            self.best_loss = val_loss
            self.best_epoch = epoch
            if model is not None:
                self.best_state = OrderedDict((k, v.clone()) for k, v in model.state_dict().items())
        return epoch - self.best_epoch >= self.patience if self.best_epoch is not None else epoch + 1 >= self.patience
