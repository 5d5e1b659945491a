"""Reductions and broadcasting / 归约与广播

English
-------
A reduction such as `sum`, `mean` or `max` along `dim` removes that
dimension: for scores of shape (N, C), `scores.sum(dim=1)` is (N,).
`keepdim=True` keeps it with size 1: (N, 1).

`torch.max(scores, dim=1)` returns two tensors, the largest value of each
row and its position (index). The positions are the predicted classes,
shape (N,). (The notes' comment calls it a (784, 1) tensor, and says the
values are all 1: neither is true.)

Broadcasting lets tensors of different shapes meet in `+ - * / ==`. Line the
shapes up from the RIGHT; each pair of sizes must be equal, or one of them 1
(a missing dimension counts as 1), and size 1 is repeated to match:

    (N, C) / (N, 1)    -> (N, C)     each row divided by its own number
    (N, C) / (N,)      -> (N,) lines up with C, not N: wrong, or an error
    (N, 1) == (N,)     -> (N, N)     a whole grid of comparisons!
    (N, C, H, W) - (1, C, 1, 1)  -> one number per channel

The trap: when the sizes happen to be equal (N == C, or W == C), the wrong
version runs without any error and gives wrong numbers.

Write four functions:

1. `predict_classes(scores)`: for (N, C) scores, the (N,) int64 tensor of
   the index of each row's largest score.
2. `accuracy(scores, labels)`: the fraction of rows whose predicted class
   equals the (N,) label, as a Python float between 0 and 1.
3. `row_normalise(x)`: x with each row divided by that row's sum, so every
   row sums to 1 (x is (N, C) and positive).
4. `normalize_channels(images, mean, std)`: like the notes'
   `transforms.Normalize((0.1307,), (0.3081,))`, for a (N, C, H, W) batch:
   `(images - mean[c]) / std[c]` on channel c. `mean` and `std` are
   sequences of C floats. Build their tensors on the images' device with the
   images' dtype, and do not modify `images` (no in-place `sub_`/`div_`).

中文
----
像 `sum`、`mean`、`max` 这样沿 `dim` 的归约会去掉那个维度：形状为 (N, C) 的得分，
`scores.sum(dim=1)` 的形状是 (N,)。`keepdim=True` 会把它保留为大小 1：(N, 1)。

`torch.max(scores, dim=1)` 返回两个张量：每一行的最大值，以及它所在的位置（下标）。
这些位置就是预测的类别，形状为 (N,)。（笔记的注释说它是 (784, 1) 的张量，还说最大值全是 1：
这两点都不对。）

广播让形状不同的张量也能做 `+ - * / ==` 运算。把形状从右边对齐；每一对尺寸要么相等，
要么其中一个是 1（缺少的维度当作 1），大小为 1 的维度会被重复以匹配另一方：

    (N, C) / (N, 1)    -> (N, C)     每一行除以它自己的那个数
    (N, C) / (N,)      -> (N,) 对齐的是 C 而不是 N：结果错误，或者报错
    (N, 1) == (N,)     -> (N, N)     变成了一整张比较表！
    (N, C, H, W) - (1, C, 1, 1)  -> 每个通道一个数

陷阱在于：当尺寸碰巧相等时（N == C，或 W == C），错误的写法不会报错，只会算出错误的数字。

请实现四个函数：

1. `predict_classes(scores)`：对 (N, C) 的得分，返回每一行最大得分所在下标组成的
   (N,) int64 张量。
2. `accuracy(scores, labels)`：预测类别与 (N,) 的标签相等的行所占的比例，
   以 0 到 1 之间的 Python float 返回。
3. `row_normalise(x)`：x 的每一行除以该行的和，使每一行的和为 1（x 是 (N, C)，且为正数）。
4. `normalize_channels(images, mean, std)`：与笔记中的 `transforms.Normalize((0.1307,), (0.3081,))`
   一样，对 (N, C, H, W) 的一批图像，在第 c 个通道上计算 `(images - mean[c]) / std[c]`。
   `mean` 和 `std` 是 C 个浮点数组成的序列。在图像所在的设备上、用图像的 dtype 创建它们的张量，
   并且不要修改 `images`（不要用原地的 `sub_`/`div_`）。

    >>> scores = torch.tensor([[0.1, 2.0, 0.3], [1.5, 0.2, 0.9]])
    >>> predict_classes(scores)
    tensor([1, 0])
    >>> accuracy(scores, torch.tensor([1, 2]))
    0.5
    >>> row_normalise(torch.tensor([[1.0, 3.0], [2.0, 2.0]]))
    tensor([[0.2500, 0.7500],
            [0.5000, 0.5000]])
    >>> normalize_channels(torch.zeros(2, 1, 28, 28), (0.1307,), (0.3081,))[0, 0, 0, 0]
    tensor(-0.4242)

Check your work / 检查：  learn check reduce_and_broadcast
"""

from typing import Sequence

import torch


def predict_classes(scores: torch.Tensor) -> torch.Tensor:
    # TODO: torch.max along dim 1 gives (values, indices); keep the indices.
    # TODO：沿第 1 维做 torch.max 得到 (values, indices)；保留 indices。
    raise NotImplementedError("predict_classes")


def accuracy(scores: torch.Tensor, labels: torch.Tensor) -> float:
    # TODO: compare two (N,) tensors, count the matches, divide by N.
    # TODO：比较两个 (N,) 张量，统计相等的个数，再除以 N。
    raise NotImplementedError("accuracy")


def row_normalise(x: torch.Tensor) -> torch.Tensor:
    # TODO: divide by the row sums, kept as an (N, 1) column.
    # TODO：除以每行的和，并把它保持为 (N, 1) 的一列。
    raise NotImplementedError("row_normalise")


def normalize_channels(images: torch.Tensor, mean: Sequence[float], std: Sequence[float]) -> torch.Tensor:
    # TODO: mean and std as (1, C, 1, 1) tensors on the images' device, then broadcast.
    # TODO：把 mean 和 std 变成图像所在设备上的 (1, C, 1, 1) 张量，再广播运算。
    raise NotImplementedError("normalize_channels")
