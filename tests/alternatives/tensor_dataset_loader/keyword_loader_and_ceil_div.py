# Keyword-only DataLoader call, -(-n // b) for the ceiling, zeros filled row by row with copy_.
import torch
from torch.utils.data import DataLoader, TensorDataset


def make_loader(x, y, batch_size, shuffle=False, drop_last=False):
    dataset = TensorDataset(x, y)
    return DataLoader(dataset=dataset, batch_size=batch_size, shuffle=shuffle, drop_last=drop_last)


def count_batches(n_samples, batch_size, drop_last=False):
    full, rest = divmod(n_samples, batch_size)
    return full if drop_last or rest == 0 else full + 1


def pad_collate(batch):
    sequences = [seq for seq, _ in batch]
    labels = torch.tensor([label for _, label in batch], dtype=torch.int64)
    lengths = torch.tensor([seq.shape[0] for seq in sequences], dtype=torch.int64)
    longest = max(seq.shape[0] for seq in sequences)
    first = sequences[0]
    padded = torch.zeros((len(sequences), longest) + tuple(first.shape[1:]), dtype=first.dtype, device=first.device)
    for i, seq in enumerate(sequences):
        padded[i, : seq.shape[0]].copy_(seq)
    return padded, lengths, labels
