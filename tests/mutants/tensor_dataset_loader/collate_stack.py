# expect: torch.stack only works for sequences of equal length
import torch
from torch.utils.data import DataLoader, TensorDataset


def make_loader(x, y, batch_size, shuffle=False, drop_last=False):
    return DataLoader(TensorDataset(x, y), batch_size=batch_size, shuffle=shuffle, drop_last=drop_last)


def count_batches(n_samples, batch_size, drop_last=False):
    return n_samples // batch_size if drop_last else (n_samples + batch_size - 1) // batch_size


def pad_collate(batch):
    sequences = [s for s, _ in batch]
    labels = [label for _, label in batch]
    return torch.stack(sequences), torch.tensor([len(s) for s in sequences]), torch.tensor(labels)
