# expect: yields torch.tensor(i) for i in range(low, high)
"""Reference solution: streaming datasets that give each DataLoader worker its own share."""

import math

import torch
from torch.utils.data import IterableDataset, get_worker_info


def worker_share(start: int, end: int, worker_id: int, num_workers: int) -> tuple[int, int]:
    per_worker = math.ceil((end - start) / num_workers)
    low = min(start + worker_id * per_worker, end)
    high = min(low + per_worker, end)
    return low, high


class RangeStream(IterableDataset):
    def __init__(self, start: int, end: int):
        self.start = start
        self.end = end

    def __iter__(self):
        info = get_worker_info()
        low, high = (self.start, self.end) if info is None else worker_share(
            self.start, self.end, info.id, info.num_workers)
        for number in reversed(range(low, high)):
            yield torch.tensor(number)


class CsvStream(IterableDataset):
    def __init__(self, path: str):
        self.path = path

    def __iter__(self):
        info = get_worker_info()
        worker_id, num_workers = (0, 1) if info is None else (info.id, info.num_workers)
        with open(self.path, encoding="utf-8") as lines:
            next(lines)  # the header
            for row, line in enumerate(lines):
                if row % num_workers != worker_id:
                    continue
                *features, label = line.strip().split(",")
                yield torch.tensor([float(v) for v in features]), torch.tensor(int(label))
