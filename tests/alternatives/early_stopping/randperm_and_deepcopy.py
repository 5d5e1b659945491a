"""The split from torch.randperm with a seeded generator; the best weights kept with copy.deepcopy."""
import copy
import math

import torch
from torch.utils.data import Subset


def split_train_val(dataset, val_fraction, seed):
    if val_fraction <= 0 or val_fraction >= 1:
        raise ValueError("val_fraction must be in (0, 1)")
    total = len(dataset)
    n_val = math.floor(total * val_fraction)
    if n_val == 0 or n_val == total:
        raise ValueError("one of the parts would be empty")
    order = torch.randperm(total, generator=torch.Generator().manual_seed(seed)).tolist()
    return Subset(dataset, order[n_val:]), Subset(dataset, order[:n_val])


class EarlyStopping:
    def __init__(self, patience, min_delta=0.0):
        if patience < 1 or min_delta < 0:
            raise ValueError("patience >= 1 and min_delta >= 0 are required")
        self.patience, self.min_delta = patience, min_delta
        self.best_loss, self.best_epoch, self.best_state = math.inf, None, None
        self._bad_epochs = 0
        self._seen = 0

    def step(self, val_loss, model=None):
        epoch = self._seen
        self._seen += 1
        if self.best_loss - val_loss > self.min_delta:
            self.best_loss, self.best_epoch, self._bad_epochs = val_loss, epoch, 0
            if model is not None:
                self.best_state = copy.deepcopy(model.state_dict())
            return False
        self._bad_epochs += 1
        return self._bad_epochs >= self.patience
