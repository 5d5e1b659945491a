# expect: (a negative one too)
import csv
from pathlib import Path

import numpy as np
import torch
from PIL import Image
from torch.utils.data import Dataset


class IndexedImages(Dataset):
    def __init__(self, index_file: str):
        folder = Path(index_file).parent  # paths in the index are relative to it, not to the working directory
        self.samples: list[tuple[Path, int]] = []
        with open(index_file, newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                if not row.get("path"):
                    continue
                path = folder / row["path"]
                if not path.is_file():
                    raise FileNotFoundError(f"{index_file} lists {row['path']}, which does not exist")
                self.samples.append((path, int(row["label"])))

    def __len__(self) -> int:
        return len(self.samples)

    def __getitem__(self, index: int) -> tuple[torch.Tensor, int]:
        if index >= len(self.samples):
            raise IndexError(f"index {index} is out of range for {len(self.samples)} samples")
        path, label = self.samples[index]
        with Image.open(path) as image:
            pixels = np.asarray(image.convert("L"), dtype=np.float32) / 255.0
        return torch.from_numpy(pixels).unsqueeze(0), label
