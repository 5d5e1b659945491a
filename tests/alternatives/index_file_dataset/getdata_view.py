"""pathlib throughout; pixels from Image.getdata() reshaped with the image's size."""
import csv
from pathlib import Path

import torch
from PIL import Image
from torch.utils.data import Dataset


class IndexedImages(Dataset):
    def __init__(self, index_file):
        index_path = Path(index_file)
        with index_path.open(encoding="utf-8", newline="") as handle:
            rows = [row for row in csv.DictReader(handle) if (row.get("path") or "").strip()]
        self.paths = [index_path.parent.joinpath(row["path"]) for row in rows]
        self.labels = [int(row["label"]) for row in rows]
        missing = [str(path) for path in self.paths if not path.is_file()]
        if missing:
            raise FileNotFoundError(f"missing images: {missing}")

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, index):
        if index not in range(len(self.paths)):
            raise IndexError(index)
        image = Image.open(self.paths[index]).convert("L")
        width, height = image.size
        pixels = torch.tensor(list(image.getdata()), dtype=torch.float32).view(1, height, width) / 255
        return pixels, self.labels[index]
