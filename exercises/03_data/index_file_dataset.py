"""A Dataset read from an index file, and adding datasets / 从索引文件读取的 Dataset 与数据集相加

English
-------
The notes build their own Dataset in two steps: first an index file that
lists every image's path and label, then a Dataset subclass whose
`__getitem__` reads the sample at position `index` of that list. They also
show what `+` does on datasets: `Dataset.__add__` returns
`ConcatDataset([self, other])`, one dataset that runs through the first and
then the second. And they warn that the paths in the index are relative: the
notes resolve them against the folder the training script runs in, which
breaks as soon as it runs from anywhere else. Here they are resolved against
the folder of the index file itself.

The index file is a CSV with the header `path,label`, one sample per line,
for example

    path,label
    zeros/a.png,0
    ones/b.png,1

Write `class IndexedImages(Dataset)`:

- `__init__(self, index_file)`: read the index (the `csv` module does it);
  skip empty lines; keep each sample's path, resolved against the folder that
  contains `index_file`, and its label as an int. If a listed image does not
  exist, raise FileNotFoundError at once (not later, in the middle of
  training).
- `__len__(self)`: the number of samples (0 for an index with only its header).
- `__getitem__(self, index)`: open the image with PIL, as greyscale ("L"),
  and return (image, label): image a float32 tensor of shape (1, H, W) with
  values pixel / 255, label the int. An index outside 0 .. len - 1 raises
  IndexError.

Do not write `__add__`: the one Dataset gives you already returns a
ConcatDataset, so `IndexedImages(a) + IndexedImages(b)` works.

中文
----
笔记分两步构建自己的 Dataset：先制作一个索引文件，列出每张图片的路径和标签；再写一个
Dataset 子类，它的 `__getitem__` 读取列表中第 `index` 个样本。笔记还说明了数据集上
`+` 的作用：`Dataset.__add__` 返回 `ConcatDataset([self, other])`，也就是先遍历第一个、
再遍历第二个的一个数据集。笔记也提醒，索引中的路径是相对路径：笔记按训练脚本运行时
所在的目录来解析它们，只要换一个目录运行就会出错。这里改为相对于索引文件自己所在的
文件夹来解析。

索引文件是一个 CSV 文件，表头为 `path,label`，每行一个样本，例如

    path,label
    zeros/a.png,0
    ones/b.png,1

请实现 `class IndexedImages(Dataset)`：

- `__init__(self, index_file)`：读取索引（可以用 `csv` 模块）；跳过空行；保存每个
  样本的路径（相对于 `index_file` 所在的文件夹解析）和 int 类型的标签。如果列出的
  图片不存在，立即抛出 FileNotFoundError（而不是等到训练中途才出错）。
- `__len__(self)`：样本数（只有表头的索引为 0）。
- `__getitem__(self, index)`：用 PIL 以灰度模式（"L"）打开图片，返回
  (image, label)：image 是形状为 (1, H, W) 的 float32 张量，取值为 pixel / 255；
  label 是那个 int。超出 0 .. len - 1 的 index 抛出 IndexError。

不要写 `__add__`：Dataset 自带的 `__add__` 已经返回 ConcatDataset，所以
`IndexedImages(a) + IndexedImages(b)` 可以直接使用。

    >>> data = IndexedImages("digits/index.csv")
    >>> image, label = data[0]
    >>> image.shape, image.dtype, type(label)
    (torch.Size([1, 4, 4]), torch.float32, <class 'int'>)
    >>> len(data + data) == 2 * len(data)
    True

Check your work / 检查：  learn check index_file_dataset
"""

import torch
from torch.utils.data import Dataset


class IndexedImages(Dataset):
    def __init__(self, index_file: str):
        # TODO: csv.DictReader over the file; paths relative to Path(index_file).parent; FileNotFoundError early.
        # TODO：用 csv.DictReader 读取文件；路径相对于 Path(index_file).parent；尽早抛出 FileNotFoundError。
        raise NotImplementedError("IndexedImages.__init__")

    def __len__(self) -> int:
        # TODO: the number of samples.
        # TODO：样本数。
        raise NotImplementedError("IndexedImages.__len__")

    def __getitem__(self, index: int) -> tuple[torch.Tensor, int]:
        # TODO: IndexError outside 0 .. len - 1; PIL greyscale -> (1, H, W) float32 / 255; the int label.
        # TODO：超出 0 .. len - 1 时抛出 IndexError；PIL 灰度图 -> (1, H, W) float32 / 255；int 标签。
        raise NotImplementedError("IndexedImages.__getitem__")
