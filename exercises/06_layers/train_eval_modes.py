"""Training mode and evaluation mode / 训练模式与评估模式

English
-------
Some layers behave differently while training and while evaluating. Every
nn.Module has a flag, `module.training`, set by `model.train()` and
`model.eval()` (which is `model.train(False)`); both set it on every
submodule too. Two layers from the notes depend on it:

`nn.Dropout(p)`
- training: each value is zeroed with probability p, and the values kept
  are multiplied by 1 / (1 - p), so the expected sum stays the same.
- eval: does nothing at all, output = input.

`nn.BatchNorm2d(C)` (input (N, C, H, W))
- training: normalises each channel with the mean and the (biased)
  variance of the current batch, and updates the running statistics:

      running_mean = (1 - momentum) * running_mean + momentum * batch_mean
      running_var  = (1 - momentum) * running_var  + momentum * batch_var_unbiased

  They start at 0 and 1; momentum defaults to 0.1. With momentum=None the
  running statistics are the plain average of all batch statistics so far.
  Training needs more than one value per channel (N * H * W > 1).
- eval: normalises with the running statistics and does not change them.

Write these functions:

1. `dropout_scale(p)`: the factor applied to kept values in training, as a
   float. Raise ValueError unless 0 <= p < 1.

       dropout_scale(0.5) -> 2.0

2. `run_dropout(x, p, training)`: pass x through a new nn.Dropout(p) in
   training mode if `training` is True, else in eval mode.
3. `run_batchnorm(x, training)`: the same with a new nn.BatchNorm2d for
   x.shape[1] channels, created on x's device.
4. `batchnorm_running_stats(batches, momentum=0.1)`: feed every batch (each
   (N, C, H, W)) to one new nn.BatchNorm2d(C, momentum=momentum) in training
   mode; return (running_mean, running_var) afterwards.

       notes' 5x5 input as (1, 1, 5, 5) -> (tensor([0.1400]), tensor([1.0417]))

5. `predict(model, x)`: what you do before every evaluation. Run model(x) in
   eval mode, under torch.no_grad() (no graph is built: faster, less
   memory), then put every submodule back in the mode it had before, so
   training can continue. Return the output.

中文
----
有些层在训练和评估时的行为不同。每个 nn.Module 都有一个标志 `module.training`，
由 `model.train()` 和 `model.eval()`（即 `model.train(False)`）设置；它们也会设置
所有子模块。笔记中的两种层依赖这个标志：

`nn.Dropout(p)`
- 训练时：每个值以概率 p 被置 0，保留下来的值乘以 1 / (1 - p)，这样总和的期望不变。
- 评估时：什么也不做，输出等于输入。

`nn.BatchNorm2d(C)`（输入 (N, C, H, W)）
- 训练时：用当前批次每个通道的均值和（有偏）方差做归一化，并按下面的公式更新运行均值和方差
  （注意 running_var 用的是无偏方差）：

      running_mean = (1 - momentum) * running_mean + momentum * batch_mean
      running_var  = (1 - momentum) * running_var  + momentum * batch_var_unbiased

  它们的初始值是 0 和 1，momentum 默认为 0.1。
  momentum=None 时，运行均值和方差是到目前为止所有批次统计量的简单平均。
  训练时每个通道需要多于一个值（N * H * W > 1）。
- 评估时：用运行均值和方差做归一化，并且不会改变它们。

请实现：

1. `dropout_scale(p)`：训练时保留下来的值所乘的系数（float）。除非 0 <= p < 1，
   否则抛出 ValueError。

       dropout_scale(0.5) -> 2.0

2. `run_dropout(x, p, training)`：training 为 True 时让 x 经过一个处于训练模式的新
   nn.Dropout(p)，否则经过处于评估模式的新 nn.Dropout(p)。
3. `run_batchnorm(x, training)`：同上，使用一个新的、通道数为 x.shape[1] 的
   nn.BatchNorm2d，并创建在 x 所在的设备上。
4. `batchnorm_running_stats(batches, momentum=0.1)`：把每个批次（形状都是
   (N, C, H, W)）依次送入同一个处于训练模式的新 nn.BatchNorm2d(C, momentum=momentum)，
   最后返回 (running_mean, running_var)。

       笔记中的 5x5 输入，形状为 (1, 1, 5, 5) -> (tensor([0.1400]), tensor([1.0417]))

5. `predict(model, x)`：每次评估之前都要做的事。在评估模式下、在 torch.no_grad() 中
   运行 model(x)（不建立计算图：更快，也更省内存），然后把每个子模块恢复到原来的模式，
   这样训练可以继续。返回输出。

Check your work / 检查：  learn check train_eval_modes
"""

import torch
from torch import nn


def dropout_scale(p: float) -> float:
    # TODO: validate p, then return the factor for kept values.
    # TODO：检查 p，然后返回保留值所乘的系数。
    raise NotImplementedError("dropout_scale")


def run_dropout(x: torch.Tensor, p: float, training: bool) -> torch.Tensor:
    # TODO: a new nn.Dropout(p), put in the right mode, applied to x.
    # TODO：新建 nn.Dropout(p)，设置正确的模式，作用在 x 上。
    raise NotImplementedError("run_dropout")


def run_batchnorm(x: torch.Tensor, training: bool) -> torch.Tensor:
    # TODO: a new nn.BatchNorm2d(x.shape[1], device=x.device), in the right mode.
    # TODO：新建 nn.BatchNorm2d(x.shape[1], device=x.device)，设置正确的模式。
    raise NotImplementedError("run_batchnorm")


def batchnorm_running_stats(batches: list[torch.Tensor], momentum: float | None = 0.1) -> tuple[torch.Tensor, torch.Tensor]:
    # TODO: one BatchNorm2d in training mode sees every batch; return its running statistics.
    # TODO：一个处于训练模式的 BatchNorm2d 依次处理每个批次；返回它的运行均值和方差。
    raise NotImplementedError("batchnorm_running_stats")


def predict(model: nn.Module, x: torch.Tensor) -> torch.Tensor:
    # TODO: remember each submodule's mode, eval(), no_grad(), forward, restore the modes.
    # TODO：记住每个子模块的模式，eval()，no_grad()，前向计算，再恢复原来的模式。
    raise NotImplementedError("predict")
