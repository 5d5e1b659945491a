# expect: Use new_zeros (or device=first.device)
import torch
from torch.utils.data import DataLoader, TensorDataset


def make_loader(
    x: torch.Tensor, y: torch.Tensor, batch_size: int, shuffle: bool = False, drop_last: bool = False
) -> DataLoader:
    # The loader's sampler permutes indices afresh each epoch; x[i] and y[i]
    # are always fetched with the same i, so pairs cannot come apart.
    return DataLoader(TensorDataset(x, y), batch_size=batch_size, shuffle=shuffle, drop_last=drop_last)


def count_batches(n_samples: int, batch_size: int, drop_last: bool = False) -> int:
    if drop_last:
        return n_samples // batch_size
    # Ceiling division in integers: a partial last batch still counts.
    return -(-n_samples // batch_size)


def pad_collate(batch: list[tuple[torch.Tensor, int]]) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    sequences = [sequence for sequence, _ in batch]
    lengths = torch.tensor([len(sequence) for sequence in sequences], dtype=torch.long)
    longest = int(lengths.max()) if len(sequences) else 0
    # new_zeros keeps the sequences' dtype and device; trailing feature
    # dimensions (L, ...) are carried over unchanged. This is what
    # torch.nn.utils.rnn.pad_sequence(..., batch_first=True) does.
    first = sequences[0]
    padded = torch.zeros((len(sequences), longest, *first.shape[1:]), dtype=first.dtype)
    for row, sequence in enumerate(sequences):
        padded[row, : len(sequence)] = sequence
    labels = torch.tensor([label for _, label in batch], dtype=torch.long)
    return padded, lengths, labels
