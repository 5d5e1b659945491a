"""Lines split by hand, os.path for the folder, torchvision's to_tensor for the image."""
import os

from PIL import Image
from torch.utils.data import Dataset
from torchvision.transforms.functional import to_tensor


class IndexedImages(Dataset):
    def __init__(self, index_file):
        base = os.path.dirname(os.path.abspath(index_file))
        with open(index_file, encoding="utf-8") as f:
            lines = [line.strip() for line in f.read().splitlines()]
        self.items = []
        for line in lines[1:]:
            if not line or line.startswith(","):
                continue
            relative, label = line.rsplit(",", 1)
            full = os.path.join(base, relative)
            if not os.path.exists(full):
                raise FileNotFoundError(full)
            self.items.append((full, int(label)))

    def __len__(self):
        return len(self.items)

    def __getitem__(self, index):
        if index < 0 or index >= len(self.items):
            raise IndexError(index)
        full, label = self.items[index]
        return to_tensor(Image.open(full).convert("L")), label
