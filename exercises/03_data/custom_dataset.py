"""A Dataset of pairs / 成对样本的 Dataset

English
-------
`torch.utils.data.Dataset` is the interface a `DataLoader` reads from. A
map-style dataset needs exactly two methods:

- `__len__()`: how many samples there are;
- `__getitem__(i)`: sample number i (note the spelling: get-item).

Write `PairDataset(features, labels)`:
- `__init__` keeps both tensors and raises `ValueError` if their lengths
  differ (a silent mismatch would pair features with the wrong labels);
- `__len__` returns the number of samples;
- `__getitem__(i)` returns the tuple `(features[i], labels[i])`.

      >>> ds = PairDataset(torch.randn(10, 4), torch.arange(10))
      >>> len(ds), ds[3][1]
      (10, tensor(3))

`DataLoader(ds, batch_size=4, shuffle=True)` then yields batches of
(4, 4) features and (4,) labels, still correctly paired.

中文
----
`torch.utils.data.Dataset` 是 `DataLoader` 读取数据的接口。映射式数据集只需要两个方法：

- `__len__()`：样本数量；
- `__getitem__(i)`：第 i 个样本（注意拼写：get-item）。

请实现 `PairDataset(features, labels)`：
- `__init__` 保存两个张量，如果它们的长度不同就抛出 `ValueError`
  （悄悄地错位会让特征配上错误的标签）；
- `__len__` 返回样本数；
- `__getitem__(i)` 返回元组 `(features[i], labels[i])`。

      >>> ds = PairDataset(torch.randn(10, 4), torch.arange(10))
      >>> len(ds), ds[3][1]
      (10, tensor(3))

之后 `DataLoader(ds, batch_size=4, shuffle=True)` 会产生 (4, 4) 的特征和 (4,) 的标签，
并且仍然一一对应。

Check your work / 检查：  learn check custom_dataset
"""

import torch
from torch.utils.data import Dataset


class PairDataset(Dataset):
    def __init__(self, features: torch.Tensor, labels: torch.Tensor):
        # TODO: raise ValueError when the lengths differ, then keep both tensors.
        # TODO：长度不同时抛出 ValueError，然后保存两个张量。
        raise NotImplementedError("PairDataset.__init__")

    def __len__(self) -> int:
        # TODO / 待完成
        raise NotImplementedError("PairDataset.__len__")

    def __getitem__(self, index: int):
        # TODO: return (features[index], labels[index]). / TODO：返回 (features[index], labels[index])。
        raise NotImplementedError("PairDataset.__getitem__")
