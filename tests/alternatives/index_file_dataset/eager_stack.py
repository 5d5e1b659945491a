"""Reads every image once in __init__ into one tensor; __getitem__ only indexes it."""
import csv
from pathlib import Path

import numpy as np
import torch
from PIL import Image
from torch.utils.data import Dataset


class IndexedImages(Dataset):
    def __init__(self, index_file):
        root = Path(index_file).resolve().parent
        images, labels = [], []
        with open(index_file, newline="") as handle:
            reader = csv.reader(handle)
            next(reader, None)  # the header
            for row in reader:
                if not row or not row[0].strip():
                    continue
                path = root / row[0]
                if not path.exists():
                    raise FileNotFoundError(str(path))
                images.append(np.array(Image.open(path).convert("L")))
                labels.append(int(row[1]))
        self.labels = labels
        self.images = [torch.tensor(image, dtype=torch.float32).div(255).unsqueeze(0) for image in images]

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, index):
        if not isinstance(index, int) or not 0 <= index < len(self.labels):
            raise IndexError(f"no sample {index}")
        return self.images[index], self.labels[index]
