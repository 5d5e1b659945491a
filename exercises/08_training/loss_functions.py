"""Loss functions: MSE and cross-entropy / 损失函数：均方误差与交叉熵

English
-------
The notes train their regression nets with nn.MSELoss and their MNIST
classifiers with nn.CrossEntropyLoss. Both are short formulas. Most bugs
around them are not in the formula but in the shapes and dtypes handed in,
and several of those bugs raise no error at all. Write both losses by hand,
then the two places where real data meets them.

1. Mean squared error: for a prediction and a target of the SAME shape,
       mse = mean over all elements of (pred - target) ** 2
   The trap: a model ending in nn.Linear(..., 1) returns shape (N, 1), while
   a dataset of targets gives (N,) (the notes' Boston targets arrive as
   b_y.shape == (64,)). Then pred - target broadcasts to an (N, N) table,
   every prediction against every target, and nn.MSELoss averages that table.
   It only prints a UserWarning; training runs and optimises the wrong thing.
       pred [[1.], [2.]] against target [1., 2.]
       right:     (0 + 0) / 2            = 0.0
       broadcast: (0 + 1 + 1 + 0) / 4    = 0.5
   On the notes' study-hours table (20 students) with the line
   score = 16 * hours + 6, the right loss is 106.8; the broadcast one 1226.

2. Cross-entropy for C classes: `logits` of shape (N, C) are RAW scores,
   straight from the last Linear layer, and `target` of shape (N,) holds
   int64 class indices 0 .. C-1.
       log_probs = logits - log(sum over the row of exp(logits))   (log-softmax)
       loss      = - mean over i of log_probs[i, target[i]]
   - Stability: exp(1000.0) is inf in float32. Subtract each row's maximum
     first (shifted = logits - max); the result does not change, and exp() of
     a number <= 0 cannot overflow. Never write log(softmax(x)) in two steps:
     softmax of large scores gives 0 and log(0) = -inf.
   - Raw scores: nn.CrossEntropyLoss applies log-softmax itself (the notes:
     the last layer gets no activation). A softmax before it squeezes the
     scores into (0, 1) and the loss barely moves.
   - int64 targets: float targets of shape (N,) raise
     "expected target dtype to be Long"; float targets of shape (N, C) are
     accepted but read as class PROBABILITIES, a different loss.
       >>> cross_entropy(torch.tensor([[2.0, 1.0, 0.1]]), torch.tensor([0]))
       tensor(0.4170)        # log-softmax is [-0.417, -1.417, -2.317]

Write:
- `mse(pred, target)`: the mean squared error as a 0-d tensor. Raise
  ValueError when pred.shape != target.shape (do not broadcast).
- `regression_loss(pred, target)`: pred and target each hold one number per
  sample, as (N,) or (N, 1), in any combination. Bring both to (N,)
  (.reshape(-1)) and return mse of them; different counts still raise
  ValueError (mse does that for you).
- `cross_entropy(logits, target)`: the mean cross-entropy as a 0-d tensor,
  equal to F.cross_entropy in value and gradient, computed by hand (max,
  exp, sum, log, gather; not F.cross_entropy, F.log_softmax or
  nn.CrossEntropyLoss). Raise ValueError unless target.dtype is torch.int64.
- `loss_for_batch(model, images, labels)`: the loss of one MNIST-shaped
  batch (N, 1, 28, 28) with nn.CrossEntropyLoss on model(images). Labels may
  come as float32 or int32 and as (N,) or an (N, 1) column: convert them to
  (N,) int64. Return the loss tensor itself (the caller calls backward()).
Everything must work on any device: create no tensors on a fixed device.

中文
----
笔记里的回归网络用 nn.MSELoss 训练，MNIST 分类器用 nn.CrossEntropyLoss 训练。两者的公式都很短，
相关的错误大多不出在公式上，而出在传进去的形状和 dtype 上，而且其中好几种错误根本不会报错。
请亲手写出这两个损失，再写出真实数据与它们相遇的两个地方。

1. 均方误差：预测和目标形状“相同”时，
       mse = 对所有元素求 (pred - target) ** 2 的平均值
   陷阱：以 nn.Linear(..., 1) 结尾的模型输出形状为 (N, 1)，而数据集给出的目标是 (N,)
   （笔记中 Boston 数据的目标就是 b_y.shape == (64,)）。这时 pred - target 会广播成 (N, N) 的表，
   每个预测都和每个目标比一次，nn.MSELoss 对整张表取平均。它只打印一个 UserWarning；
   训练照常进行，优化的却是错误的目标。
       pred [[1.], [2.]] 对 target [1., 2.]
       正确：      (0 + 0) / 2            = 0.0
       广播之后：  (0 + 1 + 1 + 0) / 4    = 0.5
   在笔记的学习时间表（20 名学生）上，用直线 分数 = 16 * 小时 + 6，正确的损失是 106.8；广播后的是 1226。

2. C 个类别的交叉熵：形状为 (N, C) 的 `logits` 是“原始得分”，直接来自最后一个 Linear 层；
   形状为 (N,) 的 `target` 存放 int64 的类别编号 0 .. C-1。
       log_probs = logits - log(对该行求 exp(logits) 之和)   （log-softmax）
       loss      = - 对 i 求 log_probs[i, target[i]] 的平均值
   - 数值稳定：在 float32 中 exp(1000.0) 是 inf。先让每一行减去该行的最大值
     （shifted = logits - max）；结果不变，而 exp() 作用在小于等于 0 的数上不会溢出。
     不要分两步写 log(softmax(x))：很大的得分做 softmax 会得到 0，而 log(0) = -inf。
   - 原始得分：nn.CrossEntropyLoss 自己会做 log-softmax（笔记里说：最后一层不做激活）。
     在它前面再加 softmax，会把得分压进 (0, 1)，损失几乎动不了。
   - int64 目标：形状为 (N,) 的浮点目标会报错 "expected target dtype to be Long"；
     形状为 (N, C) 的浮点目标能被接受，但会被当成类别“概率”，那是另一种损失。
       >>> cross_entropy(torch.tensor([[2.0, 1.0, 0.1]]), torch.tensor([0]))
       tensor(0.4170)        # log-softmax 为 [-0.417, -1.417, -2.317]

请实现：
- `mse(pred, target)`：以 0 维张量返回均方误差。pred.shape != target.shape 时抛出 ValueError（不要广播）。
- `regression_loss(pred, target)`：pred 和 target 都是每个样本一个数，形状为 (N,) 或 (N, 1)，任意组合。
  先把两者都变成 (N,)（.reshape(-1)），再返回它们的 mse；数量不同时仍要抛出 ValueError（mse 会替你做）。
- `cross_entropy(logits, target)`：以 0 维张量返回平均交叉熵，数值和梯度都与 F.cross_entropy 一致，
  要亲手计算（max、exp、sum、log、gather；不要用 F.cross_entropy、F.log_softmax 或 nn.CrossEntropyLoss）。
  target.dtype 不是 torch.int64 时抛出 ValueError。
- `loss_for_batch(model, images, labels)`：对一个 MNIST 形状 (N, 1, 28, 28) 的批次，用 nn.CrossEntropyLoss
  作用在 model(images) 上求损失。标签可能是 float32 或 int32，形状可能是 (N,) 或 (N, 1) 的一列：
  请把它们转换成 (N,) 的 int64。返回损失张量本身（调用者会调用 backward()）。
所有函数都要能在任意设备上运行：不要在固定的设备上创建张量。

Check your work / 检查：  learn check loss_functions
"""

import torch
from torch import nn


def mse(pred: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    # TODO: ValueError on different shapes; then the mean of (pred - target) ** 2.
    # TODO：形状不同时抛出 ValueError；否则返回 (pred - target) ** 2 的平均值。
    raise NotImplementedError("mse")


def regression_loss(pred: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    # TODO: flatten both to (N,) with .reshape(-1), then call mse.
    # TODO：用 .reshape(-1) 把两者都展平成 (N,)，再调用 mse。
    raise NotImplementedError("regression_loss")


def cross_entropy(logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    # TODO: ValueError unless target is int64; stable log-softmax along dim=1;
    #       pick each row's target; return minus the mean.
    # TODO：target 不是 int64 时抛出 ValueError；沿 dim=1 做数值稳定的 log-softmax；
    #       取出每行目标类别那一项；返回平均值的相反数。
    raise NotImplementedError("cross_entropy")


def loss_for_batch(model: nn.Module, images: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    # TODO: nn.CrossEntropyLoss on model(images) (raw scores) and labels as (N,) int64.
    # TODO：把 model(images)（原始得分）和 (N,) 的 int64 标签交给 nn.CrossEntropyLoss。
    raise NotImplementedError("loss_for_batch")
