# F.pad each sequence to the longest one and stack; math-free batch count with a ceiling by integer division.
import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset


def make_loader(x, y, batch_size, shuffle=False, drop_last=False):
    return DataLoader(TensorDataset(x, y), batch_size, shuffle, drop_last=drop_last)


def count_batches(n_samples, batch_size, drop_last=False):
    if drop_last:
        return n_samples // batch_size
    return (n_samples + batch_size - 1) // batch_size


def pad_collate(batch):
    sequences, labels = zip(*batch)
    longest = max(len(s) for s in sequences)
    padded = []
    for s in sequences:
        # F.pad lists padding from the LAST dimension backwards: (0, 0) for each feature dimension, then time
        padding = [0, 0] * (s.dim() - 1) + [0, longest - len(s)]
        padded.append(F.pad(s, padding))
    lengths = torch.tensor([len(s) for s in sequences])
    return torch.stack(padded), lengths, torch.tensor(labels, dtype=torch.long)
