"""Measuring accuracy / 计算准确率

English
-------
After training, the notes measure the model on the test set (their
`my_test`). Write that evaluation as a reusable function:

    accuracy(model, loader) -> float

- `loader` yields `(inputs, labels)` batches; `labels` is an int64 tensor of
  class indices, shape (B,);
- `model(inputs)` returns class scores of shape (B, C): one row per sample,
  one column per class.

Steps:
1. `model.eval()`: Dropout switches off and BatchNorm uses its running
   statistics instead of the current batch's. Forgetting this changes the
   predictions.
2. Wrap the loop in `with torch.no_grad():` so no graph is built (faster,
   far less memory, and nothing to backpropagate anyway).
3. The predicted class of each sample is the index of the largest score in
   its row: `scores.argmax(dim=1)` (or `torch.max(scores, dim=1)[1]`).
   dim=0 would pick, for each class, the sample with the largest score.
4. Count correct predictions and samples over ALL batches and return
   correct / total as a Python float between 0 and 1 (not a percentage).
   The last batch may be smaller: do not average per-batch accuracies.

Leave the model in eval mode when you return; you need not restore the mode.
The training loop (`train` in training_loop) starts with `model.train()`,
so each function sets the mode it needs.

    >>> accuracy(model, test_loader)
    0.9725

中文
----
训练结束后，笔记用测试集衡量模型（它的 `my_test`）。把这个评估写成可以复用的函数：

    accuracy(model, loader) -> float

- `loader` 产生 `(inputs, labels)` 批次；`labels` 是类别编号组成的 int64 张量，形状为 (B,)；
- `model(inputs)` 返回形状为 (B, C) 的类别得分：每个样本一行，每个类别一列。

步骤：
1. `model.eval()`：关闭 Dropout，BatchNorm 改用运行均值和方差而不是当前批次的统计量。
   忘了这一步会改变预测结果。
2. 把循环放进 `with torch.no_grad():`，这样不会建立计算图（更快，内存少得多，而且本来也不需要反向传播）。
3. 每个样本的预测类别是它那一行中最大得分的下标：`scores.argmax(dim=1)`
   （或 `torch.max(scores, dim=1)[1]`）。dim=0 则是为每个类别挑出得分最大的样本。
4. 在“所有”批次上统计预测正确的个数和样本总数，以 0 到 1 之间的 Python 浮点数返回
   correct / total（不是百分数）。最后一个批次可能更小：不要对每批的准确率求平均。

返回时让模型留在评估模式即可，不必恢复原来的模式。训练循环（training_loop 中的 `train`）
一开始就会调用 `model.train()`，每个函数各自设置自己需要的模式。

        >>> accuracy(model, test_loader)
        0.9725

Check your work / 检查：  learn check evaluate_accuracy
"""

from typing import Iterable

import torch
from torch import nn


def accuracy(model: nn.Module, loader: Iterable) -> float:
    # TODO: model.eval(); under torch.no_grad(), count argmax(dim=1) == labels over every batch.
    # TODO：model.eval()；在 torch.no_grad() 下，对每个批次统计 argmax(dim=1) == labels 的个数。
    # TODO: return correct / total as a float. / TODO：以浮点数返回 correct / total。
    raise NotImplementedError("accuracy")
