"""Ceiling by negative floor division; a generator with an explicit counter."""

import torch
from torch.utils.data import IterableDataset, get_worker_info


def worker_share(start, end, worker_id, num_workers):
    per = -(-(end - start) // num_workers)
    lo = start + per * worker_id
    hi = lo + per
    return (lo if lo < end else end), (hi if hi < end else end)


def _me():
    info = get_worker_info()
    return (0, 1) if info is None else (info.id, info.num_workers)


class RangeStream(IterableDataset):
    def __init__(self, start, end):
        self.bounds = (start, end)

    def __iter__(self):
        worker_id, workers = _me()
        lo, hi = worker_share(*self.bounds, worker_id, workers)
        i = lo
        while i < hi:
            yield torch.tensor(i, dtype=torch.int64)
            i += 1


class CsvStream(IterableDataset):
    def __init__(self, path):
        self.path = path

    def __iter__(self):
        worker_id, workers = _me()
        counter = -1
        with open(self.path) as f:
            header = True
            for line in f:
                if header:
                    header = False
                    continue
                counter += 1
                if counter % workers == worker_id and line.strip():
                    numbers = line.split(",")
                    features = torch.tensor(list(map(float, numbers[:-1])))
                    yield features.float(), torch.tensor(int(numbers[-1]))
