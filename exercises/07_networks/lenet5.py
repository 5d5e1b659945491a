"""LeNet-5 with average pooling / 使用平均池化的 LeNet-5

English
-------
The notes end their MNIST chapter with LeNet, the first convolutional
network used commercially: convolution and pooling extract features on the
left, fully connected layers classify on the right. In its classic form it
uses tanh activations and AVERAGE pooling (nn.AvgPool2d), and pads the
28x28 MNIST digits by 2 so that the first convolution sees 32x32:

    Conv2d(1, 6, kernel_size=5, padding=2), Tanh   -> (N, 6, 28, 28)
    AvgPool2d(2)                                  -> (N, 6, 14, 14)
    Conv2d(6, 16, kernel_size=5), Tanh             -> (N, 16, 10, 10)
    AvgPool2d(2)                                  -> (N, 16, 5, 5)
    flatten, keeping the batch                    -> (N, 400)
    Linear(400, 120), Tanh
    Linear(120, 84), Tanh
    Linear(84, 10)                                -> (N, 10) scores

Average pooling replaces each 2x2 window by its mean instead of its maximum,
so every pixel contributes to the output (and to the gradient).

Write `class LeNet5(nn.Module)` with these layers (name them as you like)
and `forward(x)` for x of shape (N, 1, 28, 28), returning (N, 10) raw scores
(no activation after the last layer). It has 61,706 parameters.

中文
----
笔记在 MNIST 一章的最后介绍了 LeNet，第一个投入商用的卷积神经网络：左边由卷积和池化
提取特征，右边由全连接层分类。它的经典形式使用 tanh 激活函数和平均池化
（nn.AvgPool2d），并把 28x28 的 MNIST 数字四周各填充 2，让第一个卷积看到 32x32：

    Conv2d(1, 6, kernel_size=5, padding=2)、Tanh   -> (N, 6, 28, 28)
    AvgPool2d(2)                                  -> (N, 6, 14, 14)
    Conv2d(6, 16, kernel_size=5)、Tanh             -> (N, 16, 10, 10)
    AvgPool2d(2)                                  -> (N, 16, 5, 5)
    展平，保留批次维度                              -> (N, 400)
    Linear(400, 120)、Tanh
    Linear(120, 84)、Tanh
    Linear(84, 10)                                -> (N, 10) 得分

平均池化把每个 2x2 窗口替换为它的平均值而不是最大值，所以每个像素都会影响输出
（以及梯度）。

请实现 `class LeNet5(nn.Module)`，包含上面这些层（名字随意），`forward(x)` 接收形状
为 (N, 1, 28, 28) 的 x，返回 (N, 10) 的原始得分（最后一层之后不接激活函数）。模型共有
61,706 个参数。

    >>> LeNet5()(torch.zeros(3, 1, 28, 28)).shape
    torch.Size([3, 10])
    >>> sum(p.numel() for p in LeNet5().parameters())
    61706

Check your work / 检查：  learn check lenet5
"""

import torch
from torch import nn


class LeNet5(nn.Module):
    def __init__(self):
        super().__init__()
        # TODO: two Conv2d, two AvgPool2d (or one used twice), three Linear, Tanh activations.
        # TODO：两个 Conv2d、两个 AvgPool2d（或一个用两次）、三个 Linear，激活函数用 Tanh。
        raise NotImplementedError("LeNet5.__init__")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # TODO: features, flatten from dimension 1, classifier; no activation at the end.
        # TODO：特征提取，从第 1 维开始展平，分类；最后不接激活函数。
        raise NotImplementedError("LeNet5.forward")
