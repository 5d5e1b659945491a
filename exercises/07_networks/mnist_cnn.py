"""A CNN for MNIST digits / 识别 MNIST 手写数字的卷积网络

English
-------
The notes replace a fully connected MNIST classifier with a small
convolutional network. MNIST images are 1x28x28 (grey), with 10 classes.
Write `MnistCnn(nn.Module)`; `forward(x)` takes (N, 1, 28, 28) and returns
(N, 10) raw scores:

    Conv2d(1, 10, kernel_size=5)    -> (N, 10, 24, 24)
    MaxPool2d(2), then ReLU         -> (N, 10, 12, 12)
    Conv2d(10, 20, kernel_size=5)   -> (N, 20, 8, 8)
    MaxPool2d(2), then ReLU         -> (N, 20, 4, 4)
    flatten, keeping the batch      -> (N, 320)
    Linear(320, 10)                 -> (N, 10)

Name and declare the layers as you like; one MaxPool2d may be used
twice, it has no parameters. There is no activation after the last
layer: CrossEntropyLoss expects raw scores and applies softmax itself.

Watch out: a comment in the notes says the feature map before the Linear
layer is (batch_size, 20, 20, 4). Follow the sizes yourself with
out = (in - kernel) // stride + 1: it is (N, 20, 4, 4), and `20*4*4` = 320.
Flatten with torch.flatten(x, 1), nn.Flatten() or x.view(x.size(0), -1):
torch.flatten(x) would also flatten the batch.

The model has `10*1*5*5+10 + 20*10*5*5+20 + 320*10+10` = 8,490 parameters
and must work for any batch size and on any device.

中文
----
笔记中把全连接的 MNIST 分类器换成了一个小型卷积网络。MNIST 图片是 1x28x28 的灰度图，
共 10 个类别。请实现 `MnistCnn(nn.Module)`；`forward(x)` 接收 (N, 1, 28, 28)，返回
(N, 10) 的原始得分：

    Conv2d(1, 10, kernel_size=5)    -> (N, 10, 24, 24)
    MaxPool2d(2)，然后 ReLU         -> (N, 10, 12, 12)
    Conv2d(10, 20, kernel_size=5)   -> (N, 20, 8, 8)
    MaxPool2d(2)，然后 ReLU         -> (N, 20, 4, 4)
    展平，保留批次维度              -> (N, 320)
    Linear(320, 10)                 -> (N, 10)

各层的名字和创建顺序由你决定；同一个 MaxPool2d 可以用两次，它没有参数。最后一层之后
不加激活函数：CrossEntropyLoss 需要原始得分，它自己会做 softmax。

注意：笔记里有一处注释说 Linear 层之前的特征图是 (batch_size, 20, 20, 4)。请用
out = (in - kernel) // stride + 1 自己逐层推算：实际是 (N, 20, 4, 4)，`20*4*4` = 320。
展平时用 torch.flatten(x, 1)、nn.Flatten() 或 x.view(x.size(0), -1)：torch.flatten(x)
会把批次维度也展平。

模型共有 `10*1*5*5+10 + 20*10*5*5+20 + 320*10+10` = 8,490 个参数，必须适用于任意批大小和任意设备。

Check your work / 检查：  learn check mnist_cnn
"""

import torch
from torch import nn


class MnistCnn(nn.Module):
    def __init__(self):
        super().__init__()
        # TODO: conv1 = Conv2d(1, 10, 5), conv2 = Conv2d(10, 20, 5), a MaxPool2d(2), fc = Linear(320, 10).
        # TODO：conv1 = Conv2d(1, 10, 5)，conv2 = Conv2d(10, 20, 5)，一个 MaxPool2d(2)，fc = Linear(320, 10)。

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # TODO: conv -> pool -> relu, twice; flatten keeping the batch; fc. / TODO：卷积 -> 池化 -> relu 两次；保留批次展平；fc。
        raise NotImplementedError("MnistCnn.forward")
