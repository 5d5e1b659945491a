"""Between NumPy and PyTorch / NumPy 与 PyTorch 之间

English
-------
Data often arrives as NumPy arrays (scikit-learn, pandas, images on disk).
Crossing over is cheap, because the two can share one block of memory:

- `torch.from_numpy(array)` makes a tensor that SHARES the array's memory
  and keeps its dtype; `torch.tensor(array)` makes a copy instead, and
  `torch.Tensor(array)` also forces float32;
- `t.numpy()` goes back, again sharing memory. It refuses a tensor that
  requires grad: call `t.detach().numpy()`.

The dtypes matter. NumPy's floats default to float64, but PyTorch layers
expect float32 features. Class labels for a classifier (CrossEntropyLoss)
must be int64; regression targets are floats like the features.

Write five functions:

1. `to_tensor(array)`: a tensor sharing memory with `array`, same dtype.
2. `to_array(t)`: a NumPy array sharing memory with the CPU tensor `t`,
   also when t requires grad.
3. `classification_tensors(features, labels)`: from two arrays, the tuple
   (float32 features, int64 labels). Labels may come as int32 or as floats
   such as 2.0 (read from a CSV file).
4. `regression_tensors(features, targets)`: the tuple (float32 features,
   float32 targets), shapes unchanged.
5. `iris_tensors()`: scikit-learn's bundled iris data set
   (`load_iris(return_X_y=True)`, no download) as classification tensors:
   (150, 4) float32 features and (150,) int64 labels.

As in the notes, `TensorDataset(*iris_tensors())` with a DataLoader of
batch_size=10 then yields (10, 4) float32 and (10,) int64 batches.

中文
----
数据常常以 NumPy 数组的形式出现（scikit-learn、pandas、磁盘上的图片）。在两者之间转换
代价很小，因为它们可以共享同一块内存：

- `torch.from_numpy(array)` 创建的张量与数组共享内存，并保持它的 dtype；
  `torch.tensor(array)` 则会复制一份，而 `torch.Tensor(array)` 还会强制变成 float32；
- `t.numpy()` 转换回去，同样共享内存。对需要梯度的张量它会拒绝：请调用 `t.detach().numpy()`。

dtype 很重要。NumPy 的浮点数默认是 float64，而 PyTorch 的网络层需要 float32 的特征。
分类器（CrossEntropyLoss）的类别标签必须是 int64；回归的目标值和特征一样是浮点数。

请实现五个函数：

1. `to_tensor(array)`：与 `array` 共享内存、dtype 相同的张量。
2. `to_array(t)`：与 CPU 张量 `t` 共享内存的 NumPy 数组，t 需要梯度时也要能用。
3. `classification_tensors(features, labels)`：由两个数组得到元组
   (float32 特征, int64 标签)。标签可能是 int32，也可能是 2.0 这样的浮点数（从 CSV 文件读入）。
4. `regression_tensors(features, targets)`：元组 (float32 特征, float32 目标值)，形状不变。
5. `iris_tensors()`：scikit-learn 自带的 iris 数据集（`load_iris(return_X_y=True)`，无需下载），
   转换为分类用的张量：(150, 4) 的 float32 特征和 (150,) 的 int64 标签。

与笔记中一样，`TensorDataset(*iris_tensors())` 配合 batch_size=10 的 DataLoader，
会产生 (10, 4) 的 float32 批次和 (10,) 的 int64 批次。

    >>> t = to_tensor(np.array([[1, 2, 3], [4, 5, 6]]))
    >>> t.dtype
    torch.int64
    >>> x, y = iris_tensors()
    >>> x.shape, x.dtype, y.shape, y.dtype
    (torch.Size([150, 4]), torch.float32, torch.Size([150]), torch.int64)

Check your work / 检查：  learn check numpy_bridge
"""

import numpy as np
import torch
from sklearn.datasets import load_iris


def to_tensor(array: np.ndarray) -> torch.Tensor:
    # TODO: share memory with the array and keep its dtype.
    # TODO：与数组共享内存，并保持它的 dtype。
    raise NotImplementedError("to_tensor")


def to_array(t: torch.Tensor) -> np.ndarray:
    # TODO: leave the graph first if t requires grad, then convert.
    # TODO：如果 t 需要梯度，先脱离计算图，再转换。
    raise NotImplementedError("to_array")


def classification_tensors(features: np.ndarray, labels: np.ndarray) -> tuple[torch.Tensor, torch.Tensor]:
    # TODO: float32 features, int64 labels.
    # TODO：float32 的特征，int64 的标签。
    raise NotImplementedError("classification_tensors")


def regression_tensors(features: np.ndarray, targets: np.ndarray) -> tuple[torch.Tensor, torch.Tensor]:
    # TODO: float32 features and float32 targets.
    # TODO：float32 的特征和 float32 的目标值。
    raise NotImplementedError("regression_tensors")


def iris_tensors() -> tuple[torch.Tensor, torch.Tensor]:
    # TODO: load_iris(return_X_y=True), then reuse classification_tensors.
    # TODO：load_iris(return_X_y=True)，然后复用 classification_tensors。
    raise NotImplementedError("iris_tensors")
