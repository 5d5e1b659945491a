"""NumPy parses each line; the range share is computed in the constructor's terms and applied in __iter__."""

import math

import numpy as np
import torch
from torch.utils.data import IterableDataset, get_worker_info


def worker_share(start, end, worker_id, num_workers):
    bounds = [min(start + k * math.ceil((end - start) / num_workers), end) for k in (worker_id, worker_id + 1)]
    return bounds[0], bounds[1]


class RangeStream(IterableDataset):
    def __init__(self, start, end):
        self.start = start
        self.end = end

    def __iter__(self):
        worker = get_worker_info()
        share = range(self.start, self.end)
        if worker:
            share = range(*worker_share(self.start, self.end, worker.id, worker.num_workers))
        for value in share:
            yield torch.as_tensor(value)


class CsvStream(IterableDataset):
    def __init__(self, path):
        self.path = path

    def __iter__(self):
        worker = get_worker_info()
        with open(self.path, encoding="utf-8") as stream:
            stream.readline()
            for index, line in enumerate(stream):
                if worker is not None and index % worker.num_workers != worker.id:
                    continue
                row = np.array(line.split(","), dtype=np.float64)
                yield torch.from_numpy(row[:-1]).to(torch.float32), torch.tensor(int(row[-1]))
