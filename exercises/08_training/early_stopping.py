"""A validation split and early stopping / 验证集划分与早停

English
-------
The training loss keeps falling while the model memorises its data; the
loss on data it never trains on (a validation set) stops falling when the
model begins to overfit. Early stopping watches the validation loss and ends
training once it has not improved for `patience` epochs, keeping the weights
of the best epoch.

Write:

- `split_train_val(dataset, val_fraction, seed)`: (train_subset,
  val_subset), a random split of `dataset` that is the same every time for
  the same seed (use a torch.Generator seeded with `seed`, e.g. with
  torch.utils.data.random_split). The validation part has
  int(len(dataset) * val_fraction) samples, the training part the rest;
  together they hold every sample exactly once. val_fraction must be
  strictly between 0 and 1, and both parts must have at least one sample:
  raise ValueError otherwise.
- `class EarlyStopping` with `__init__(self, patience, min_delta=0.0)`.
  patience must be at least 1 and min_delta at least 0 (ValueError
  otherwise). It has the attributes `best_loss` (starts at float("inf")),
  `best_epoch` (starts at None; the number of the step that gave best_loss,
  counting from 0) and `best_state` (starts at None).
  `step(val_loss, model=None)` is called once per epoch and returns a bool,
  True when training should stop:
    - an improvement is a loss STRICTLY below best_loss - min_delta. Then
      best_loss, best_epoch are updated, the count of epochs without
      improvement goes back to 0, and when a model is given, `best_state`
      becomes a COPY of model.state_dict() (state_dict() holds the live
      tensors, which later training would change: clone them);
    - otherwise the count goes up by 1;
    - return True once the count reaches patience.

中文
----
模型记住训练数据时，训练损失会一直下降；而在从未训练过的数据（验证集）上，一旦模型
开始过拟合，损失就不再下降。早停（early stopping）观察验证损失，当它连续 `patience`
个 epoch 没有改善时结束训练，并保留最好那个 epoch 的权重。

请实现：

- `split_train_val(dataset, val_fraction, seed)`：返回 (train_subset,
  val_subset)，即对 `dataset` 的随机划分，同一个 seed 每次得到相同的划分（用以
  `seed` 作种子的 torch.Generator，例如配合 torch.utils.data.random_split）。验证
  部分有 int(len(dataset) * val_fraction) 个样本，训练部分是其余的；两部分合起来
  恰好包含每个样本一次。val_fraction 必须严格介于 0 和 1 之间，而且两部分都至少要
  有一个样本：否则抛出 ValueError。
- `class EarlyStopping`，`__init__(self, patience, min_delta=0.0)`。patience 至少
  为 1，min_delta 至少为 0（否则抛出 ValueError）。它有以下属性：
  `best_loss`（初始为 float("inf")）、`best_epoch`（初始为 None；得到 best_loss 的那一步的编号，
  从 0 开始计数）和 `best_state`（初始为 None）。
  `step(val_loss, model=None)` 每个 epoch 调用一次，返回一个 bool，为 True 表示应当
  停止训练：
    - 改善是指损失严格小于 best_loss - min_delta。此时更新 best_loss 和
      best_epoch，没有改善的 epoch 计数归 0；如果给出了 model，`best_state` 变为
      model.state_dict() 的一份拷贝（state_dict() 中是模型正在使用的张量，之后的
      训练会改变它们：要 clone）；
    - 否则计数加 1；
    - 计数达到 patience 时返回 True。

    >>> stopper = EarlyStopping(patience=2)
    >>> [stopper.step(loss) for loss in [0.9, 0.7, 0.75, 0.7]]
    [False, False, False, True]
    >>> stopper.best_loss, stopper.best_epoch
    (0.7, 1)

Check your work / 检查：  learn check early_stopping
"""

import torch
from torch import nn
from torch.utils.data import Dataset, Subset


def split_train_val(dataset: Dataset, val_fraction: float, seed: int) -> tuple[Subset, Subset]:
    # TODO: check val_fraction and both sizes; random_split(dataset, [n_train, n_val], generator=...).
    # TODO：检查 val_fraction 和两部分的大小；random_split(dataset, [n_train, n_val], generator=...)。
    raise NotImplementedError("split_train_val")


class EarlyStopping:
    def __init__(self, patience: int, min_delta: float = 0.0):
        # TODO: ValueError for patience < 1 or min_delta < 0; best_loss, best_epoch, best_state, counters.
        # TODO：patience < 1 或 min_delta < 0 时抛出 ValueError；best_loss、best_epoch、best_state 和计数器。
        raise NotImplementedError("EarlyStopping.__init__")

    def step(self, val_loss: float, model: nn.Module | None = None) -> bool:
        # TODO: strictly below best_loss - min_delta is an improvement (copy the state); else count; stop at patience.
        # TODO：严格小于 best_loss - min_delta 才算改善（拷贝状态）；否则计数；达到 patience 时停止。
        raise NotImplementedError("EarlyStopping.step")
