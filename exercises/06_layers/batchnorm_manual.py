"""Batch normalisation by hand / 手写批归一化

English
-------
What does nn.BatchNorm2d compute? For an input x of shape (N, C, H, W) (or
(N, C), as nn.BatchNorm1d takes it) every channel c is treated on its own,
over all the n = N * H * W values it has in the batch.

In training mode:

    mean     = the mean of the n values of channel c
    var      = their biased variance (divide by n)
    y        = (x - mean) / sqrt(var + eps) * weight[c] + bias[c]
    running_mean <- (1 - momentum) * running_mean + momentum * mean
    running_var  <- (1 - momentum) * running_var  + momentum * var * n / (n - 1)

The running variance is updated with the UNBIASED variance (divide by n - 1),
while the output uses the biased one. With n = 1 there is no variance to
estimate: PyTorch refuses to train on one value per channel.

In eval mode the layer uses the running statistics instead of the batch's
and changes nothing:

    y = (x - running_mean[c]) / sqrt(running_var[c] + eps) * weight[c] + bias[c]

Write, by hand (tensor arithmetic, no batch-norm functions or layers):

- `batch_norm_train(x, running_mean, running_var, weight, bias, momentum=0.1,
  eps=1e-5)`: return (y, new_running_mean, new_running_var). Leave the
  tensors you were given unchanged: return NEW running statistics. When a
  channel has only one value (n = 1), raise ValueError.
- `batch_norm_eval(x, running_mean, running_var, weight, bias, eps=1e-5)`:
  return y.

running_mean, running_var, weight and bias all have shape (C,). Gradients
must flow from y back to x, weight and bias.

中文
----
nn.BatchNorm2d 到底计算了什么？对于形状为 (N, C, H, W)（或者像 nn.BatchNorm1d 那样
为 (N, C)）的输入 x，每个通道 c 单独处理，用的是它在这一批中的全部
n = N * H * W 个值。

训练模式下：

    mean     = 通道 c 的 n 个值的平均值
    var      = 它们的有偏方差（除以 n）
    y        = (x - mean) / sqrt(var + eps) * weight[c] + bias[c]
    running_mean <- (1 - momentum) * running_mean + momentum * mean
    running_var  <- (1 - momentum) * running_var  + momentum * var * n / (n - 1)

更新 running_var 时用的是无偏方差（除以 n - 1），而计算输出时用的是有偏方差。
n = 1 时无法估计方差：PyTorch 拒绝在每个通道只有一个值的数据上训练。

评估模式下，这一层改用 running 统计量，而不用这一批的统计量，并且什么都不更新：

    y = (x - running_mean[c]) / sqrt(running_var[c] + eps) * weight[c] + bias[c]

请手动实现（用张量运算，不用任何批归一化的函数或层）：

- `batch_norm_train(x, running_mean, running_var, weight, bias, momentum=0.1,
  eps=1e-5)`：返回 (y, new_running_mean, new_running_var)。不要修改传入的张量：
  返回新的 running 统计量。某个通道只有一个值（n = 1）时抛出 ValueError。
- `batch_norm_eval(x, running_mean, running_var, weight, bias, eps=1e-5)`：返回 y。

running_mean、running_var、weight 和 bias 的形状都是 (C,)。梯度必须能从 y 传回 x、
weight 和 bias。

    >>> x = torch.tensor([[1.0], [3.0]])
    >>> y, mean, var = batch_norm_train(x, torch.zeros(1), torch.ones(1), torch.ones(1), torch.zeros(1))
    >>> y.flatten(), mean, var
    (tensor([-1.0000,  1.0000]), tensor([0.2000]), tensor([1.1000]))

Check your work / 检查：  learn check batchnorm_manual
"""

import torch


def batch_norm_train(x: torch.Tensor, running_mean: torch.Tensor, running_var: torch.Tensor,
                     weight: torch.Tensor, bias: torch.Tensor, momentum: float = 0.1,
                     eps: float = 1e-5) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    # TODO: per-channel mean and biased variance over every dimension except 1; ValueError when n == 1;
    #       y from the batch statistics; new running statistics with the unbiased variance.
    # TODO：除第 1 维外的所有维度上按通道求平均值和有偏方差；n == 1 时抛出 ValueError；
    #       用这一批的统计量算 y；用无偏方差得到新的 running 统计量。
    raise NotImplementedError("batch_norm_train")


def batch_norm_eval(x: torch.Tensor, running_mean: torch.Tensor, running_var: torch.Tensor,
                    weight: torch.Tensor, bias: torch.Tensor, eps: float = 1e-5) -> torch.Tensor:
    # TODO: y from the running statistics; reshape the (C,) tensors so that they broadcast over dimension 1.
    # TODO：用 running 统计量算 y；把 (C,) 的张量变形，使它们沿第 1 维广播。
    raise NotImplementedError("batch_norm_eval")
