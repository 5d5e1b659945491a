# expect: drop_last=True throws away the last, incomplete batch
import math

import torch
from torch.utils.data import DataLoader, TensorDataset


def make_loader(x, y, batch_size, shuffle=False, drop_last=False):
    return DataLoader(TensorDataset(x, y), batch_size=batch_size, shuffle=shuffle, drop_last=drop_last)


def count_batches(n_samples, batch_size, drop_last=False):
    return math.ceil(n_samples / batch_size)


def pad_collate(batch):
    sequences, labels = zip(*batch)
    padded = torch.nn.utils.rnn.pad_sequence(list(sequences), batch_first=True)
    return padded, torch.tensor([len(s) for s in sequences]), torch.tensor(labels)
