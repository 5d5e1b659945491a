# pad_sequence from torch.nn.utils.rnn; lengths and labels made on the sequences' device; math.ceil.
import math

from torch import as_tensor, long
from torch.nn.utils.rnn import pad_sequence
from torch.utils.data import DataLoader, TensorDataset


def make_loader(x, y, batch_size, shuffle=False, drop_last=False):
    return DataLoader(TensorDataset(x, y), batch_size=batch_size, shuffle=shuffle, drop_last=drop_last)


def count_batches(n_samples, batch_size, drop_last=False):
    if drop_last:
        return n_samples // batch_size
    return math.ceil(n_samples / batch_size)


def pad_collate(batch):
    sequences, labels = zip(*batch)
    device = sequences[0].device
    padded = pad_sequence(list(sequences), batch_first=True, padding_value=0.0)
    lengths = as_tensor([s.shape[0] for s in sequences], dtype=long, device=device)
    return padded, lengths, as_tensor(labels, dtype=long, device=device)
