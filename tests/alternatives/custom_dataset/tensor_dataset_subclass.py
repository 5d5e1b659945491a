# Built on TensorDataset, which already pairs rows; the length check comes first.
from torch.utils.data import TensorDataset


class PairDataset(TensorDataset):
    def __init__(self, features, labels):
        if features.size(0) != labels.size(0):
            raise ValueError(f"{features.size(0)} features but {labels.size(0)} labels")
        super().__init__(features, labels)

    def __len__(self):
        return self.tensors[0].size(0)

    def __getitem__(self, index):
        return self.tensors[0][index], self.tensors[1][index]
