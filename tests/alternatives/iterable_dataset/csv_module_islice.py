"""The csv module and itertools.islice for the rows; integer ceiling division for the blocks."""

import csv
import itertools

import torch
from torch.utils import data


def worker_share(start, end, worker_id, num_workers):
    size = end - start
    block = (size + num_workers - 1) // num_workers
    first = start + worker_id * block
    if first >= end:
        return end, end
    return first, min(end, first + block)


class RangeStream(data.IterableDataset):
    def __init__(self, start, end):
        super().__init__()
        self.start, self.end = start, end

    def __iter__(self):
        info = data.get_worker_info()
        if info is not None:
            low, high = worker_share(self.start, self.end, info.id, info.num_workers)
        else:
            low, high = self.start, self.end
        return map(torch.tensor, range(low, high))


class CsvStream(data.IterableDataset):
    def __init__(self, path):
        super().__init__()
        self.path = path

    def __iter__(self):
        info = data.get_worker_info()
        first, step = (info.id, info.num_workers) if info else (0, 1)
        with open(self.path, newline="") as handle:
            reader = csv.reader(handle)
            next(reader, None)
            for record in itertools.islice(reader, first, None, step):
                values = [float(v) for v in record]
                yield torch.tensor(values[:-1], dtype=torch.float32), torch.tensor(int(values[-1]), dtype=torch.int64)
