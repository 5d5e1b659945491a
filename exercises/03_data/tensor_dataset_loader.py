"""TensorDataset, DataLoader and collate_fn / TensorDataset、DataLoader 与 collate_fn

English
-------
When features and labels are already tensors you do not need your own
Dataset class: `TensorDataset(x, y)` pairs row i of `x` with row i of `y`,
and a `DataLoader` cuts it into batches. Write three functions:

1. `make_loader(x, y, batch_size, shuffle=False, drop_last=False)` returns a
   `DataLoader` over `TensorDataset(x, y)` with those settings. Shuffle with
   the DataLoader's `shuffle=True`, never by permuting `x` and `y` yourself:
   the loader shuffles INDICES, so each x stays with its y, and it draws a new
   order every epoch.

2. `count_batches(n_samples, batch_size, drop_last=False)` returns how many
   batches one epoch has (an int), without building a loader. The last batch
   may be smaller than `batch_size`; `drop_last=True` throws it away.

       10 samples, batch_size 4:  [4, 4, 2]  -> 3 batches
       same with drop_last=True:  [4, 4]     -> 2 batches

3. `pad_collate(batch)` is a custom `collate_fn`. The default one stacks the
   samples, which fails when they have different lengths (sentences, audio
   clips). Here every sample is `(sequence, label)`: `sequence` a tensor of
   shape (L, ...) with its own length L, `label` a Python int. Return a tuple
   `(padded, lengths, labels)`:
   - `padded`: shape (B, L_max, ...), each sequence copied to the start of its
     row and the rest filled with 0; same dtype and device as the sequences;
   - `lengths`: int64 tensor (B,) with each original length;
   - `labels`: int64 tensor (B,).
   `lengths` and `labels` may be on the CPU or on the sequences' device:
   both are accepted.

   Use it as `DataLoader(samples, batch_size=..., collate_fn=pad_collate)`:

       >>> pad_collate([(torch.tensor([1., 2., 3.]), 0), (torch.tensor([4.]), 1)])
       (tensor([[1., 2., 3.], [4., 0., 0.]]), tensor([3, 1]), tensor([0, 1]))

The notes' example: x = torch.linspace(1, 10, 10), y = torch.linspace(10, 1, 10),
batch_size 5 and shuffle=True give 2 batches per epoch, and in every batch
x + y is still 11 for each pair: the rows were shuffled, the pairs were not.

中文
----
如果特征和标签已经是张量，就不必自己写 Dataset 类：`TensorDataset(x, y)` 把 `x`
的第 i 行和 `y` 的第 i 行配成一对，`DataLoader` 再把它切成批次。请实现三个函数：

1. `make_loader(x, y, batch_size, shuffle=False, drop_last=False)`：返回一个基于
   `TensorDataset(x, y)`、使用这些设置的 `DataLoader`。打乱顺序要用 DataLoader 的
   `shuffle=True`，不要自己去重排 `x` 和 `y`：加载器打乱的是“索引”，所以每个 x
   仍然和它的 y 在一起，而且每个 epoch 都会重新打乱。

2. `count_batches(n_samples, batch_size, drop_last=False)`：不创建加载器，直接返回
   一个 epoch 有多少个批次（int）。最后一个批次可能不满 `batch_size`；
   `drop_last=True` 会把它丢掉。

       10 个样本，batch_size 为 4：  [4, 4, 2]  -> 3 批
       同上，加上 drop_last=True：   [4, 4]     -> 2 批

3. `pad_collate(batch)`：自定义的 `collate_fn`。默认的 collate 会把样本堆叠起来，
   样本长度不同（句子、音频片段）时就会失败。这里每个样本是 `(sequence, label)`：
   `sequence` 是形状为 (L, ...) 的张量，长度 L 各不相同；`label` 是 Python 整数。
   返回元组 `(padded, lengths, labels)`：
   - `padded`：形状 (B, L_max, ...)，每个序列复制到自己那一行的开头，其余位置填 0；
     dtype 和设备与序列相同；
   - `lengths`：int64 张量 (B,)，记录每个序列原来的长度；
   - `labels`：int64 张量 (B,)。
   `lengths` 和 `labels` 放在 CPU 上或序列所在的设备上都可以。

   用法：`DataLoader(samples, batch_size=..., collate_fn=pad_collate)`：

       >>> pad_collate([(torch.tensor([1., 2., 3.]), 0), (torch.tensor([4.]), 1)])
       (tensor([[1., 2., 3.], [4., 0., 0.]]), tensor([3, 1]), tensor([0, 1]))

笔记中的例子：x = torch.linspace(1, 10, 10)，y = torch.linspace(10, 1, 10)，
batch_size 为 5 并且 shuffle=True 时，每个 epoch 有 2 个批次，而且每个批次里每一对
的 x + y 仍然等于 11：被打乱的是行的顺序，而不是配对关系。

Check your work / 检查：  learn check tensor_dataset_loader
"""

import torch
from torch.utils.data import DataLoader, TensorDataset


def make_loader(
    x: torch.Tensor, y: torch.Tensor, batch_size: int, shuffle: bool = False, drop_last: bool = False
) -> DataLoader:
    # TODO: wrap x and y in a TensorDataset and return a DataLoader with these settings.
    # TODO：用 TensorDataset 包装 x 和 y，返回使用这些设置的 DataLoader。
    raise NotImplementedError("make_loader")


def count_batches(n_samples: int, batch_size: int, drop_last: bool = False) -> int:
    # TODO: full batches, plus one more for the remainder unless drop_last.
    # TODO：完整批次的个数；如果有余下的样本且没有 drop_last，再加一批。
    raise NotImplementedError("count_batches")


def pad_collate(batch: list[tuple[torch.Tensor, int]]) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    # TODO: split sequences and labels, pad the sequences with zeros to the longest one,
    #       return (padded, lengths, labels).
    # TODO：拆出序列和标签，用 0 把序列补齐到最长的长度，返回 (padded, lengths, labels)。
    raise NotImplementedError("pad_collate")
