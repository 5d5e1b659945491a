"""From feature maps to a Linear layer / 从特征图到全连接层

English
-------
A CNN ends with convolutions and pooling that output feature maps of shape
(N, C, H, W), followed by `nn.Linear` layers that want (N, features). Two
things go wrong here all the time.

1. Flattening away the batch. One of the notes does

       output = torch.flatten(imgs)        # imgs: (64, 3, 32, 32)
       linear = Linear(196608, 10)

   `torch.flatten(x)` flattens EVERY dimension, the batch too: the 64 images
   become one row of 64 * 3 * 32 * 32 = 196608 numbers, and the layer
   Linear(196608, 10) treats the whole batch as a single sample. It gives 10
   scores for the batch instead of 10 per image, it mixes pixels of different
   images, and it breaks as soon as a batch has another size (the last batch
   of an epoch usually does). Keep dimension 0:

       torch.flatten(x, 1)    or    nn.Flatten()    or    x.reshape(x.size(0), -1)

   Write `flatten_batch(x)`: (N, d1, d2, ...) -> (N, d1 * d2 * ...), for any
   number of dimensions, any batch size, and also for non-contiguous inputs
   (a permuted tensor: `.view` fails there, `.reshape`/`torch.flatten` work).
   It must keep autograd working.

2. The right `in_features` for the first Linear layer. Instead of working it
   out by hand, run the convolutional part once on a dummy input and count:
   write `linear_in_features(features, input_shape)` where `features` is an
   `nn.Module` (the conv/pool stack) and `input_shape` is the shape of ONE
   sample, e.g. (3, 32, 32). Return the int C * H * W of what the stack
   outputs for it. Do it cleanly:
   - use a batch of one sample, `torch.zeros(1, *input_shape)`, created on
     the module's device and dtype (the device of its first parameter, or the
     CPU if it has none);
   - run it under `torch.no_grad()` and in eval mode, and put the module back
     in the mode it was in: a forward pass in training mode would update
     BatchNorm's running statistics, which must not change.

   The notes' nets:

       CIFAR: Conv2d(3, 32, 5, padding=2), MaxPool2d(2), Conv2d(32, 32, 5, padding=2),
              MaxPool2d(2), Conv2d(32, 64, 5, padding=2), MaxPool2d(2)
              on (3, 32, 32) -> (64, 4, 4) -> 1024
       MNIST: Conv2d(1, 10, 5), MaxPool2d(2), ReLU, Conv2d(10, 20, 5), MaxPool2d(2), ReLU
              on (1, 28, 28) -> (20, 4, 4) -> 320
   (The MNIST note says the last maps are (batch_size, 20, 20, 4); they are
   really (batch_size, 20, 4, 4): 28 -> 24 -> 12 -> 8 -> 4. The product 320 is right.)

中文
----
CNN 的前半部分由卷积和池化组成，输出形状为 (N, C, H, W) 的特征图；后面的 `nn.Linear`
需要 (N, features)。这里经常出两种错。

1. 把批次维度也展平了。一份笔记里写的是 `output = torch.flatten(imgs)`（imgs 为
   (64, 3, 32, 32)）加上 `Linear(196608, 10)`。`torch.flatten(x)` 会展平“所有”维度，
   包括批次：64 张图片变成一行 64 * 3 * 32 * 32 = 196608 个数，Linear(196608, 10) 把整个
   批次当成“一个”样本。它对整个批次只给出 10 个得分，而不是每张图片 10 个；它把不同图片的
   像素混在一起；而且只要批大小一变（一个 epoch 的最后一批通常就不一样）就会出错。要保留
   第 0 维：`torch.flatten(x, 1)`、`nn.Flatten()` 或 `x.reshape(x.size(0), -1)`。

   请实现 `flatten_batch(x)`：(N, d1, d2, ...) -> (N, d1 * d2 * ...)，适用于任意维数、任意
   批大小，也适用于内存不连续的输入（permute 过的张量：`.view` 会失败，`.reshape` 和
   `torch.flatten` 可以）。它必须保持 autograd 可用。

2. 第一个全连接层的 `in_features` 应该是多少。与其手算，不如让卷积部分在一个假输入上
   跑一次再数一数：请实现 `linear_in_features(features, input_shape)`，其中 `features`
   是一个 `nn.Module`（卷积/池化部分），`input_shape` 是“一个”样本的形状，例如 (3, 32, 32)。
   返回这部分网络对它的输出的 C * H * W（int）。要做得干净：
   - 用只含一个样本的批次 `torch.zeros(1, *input_shape)`，创建在模块所在的设备上、使用
     模块的 dtype（取第一个参数的设备；没有参数就用 CPU）；
   - 在 `torch.no_grad()` 下、以 eval 模式运行，然后把模块恢复到原来的模式：在训练模式下
     做前向传播会更新 BatchNorm 的运行均值和方差，而它们不应改变。

   笔记中的网络（卷积部分）：

       CIFAR: Conv2d(3, 32, 5, padding=2), MaxPool2d(2), Conv2d(32, 32, 5, padding=2),
              MaxPool2d(2), Conv2d(32, 64, 5, padding=2), MaxPool2d(2)
              输入 (3, 32, 32) -> (64, 4, 4) -> 1024
       MNIST: Conv2d(1, 10, 5), MaxPool2d(2), ReLU, Conv2d(10, 20, 5), MaxPool2d(2), ReLU
              输入 (1, 28, 28) -> (20, 4, 4) -> 320

   （MNIST 那份笔记说最后的特征图是 (batch_size, 20, 20, 4)；其实是 (batch_size, 20, 4, 4)：
   28 -> 24 -> 12 -> 8 -> 4。乘积 320 是对的。）

Check your work / 检查：  learn check flatten_features
"""

import torch
from torch import nn


def flatten_batch(x: torch.Tensor) -> torch.Tensor:
    # TODO: keep dimension 0, flatten all the others.
    # TODO：保留第 0 维，把其余维度展平。
    raise NotImplementedError("flatten_batch")


def linear_in_features(features: nn.Module, input_shape: tuple[int, ...]) -> int:
    # TODO: run features on torch.zeros(1, *input_shape) (right device and dtype, no_grad, eval mode),
    #       restore the module's mode, and return the number of values per sample.
    # TODO：在 torch.zeros(1, *input_shape) 上运行 features（设备和 dtype 要对，no_grad，eval 模式），
    #       恢复模块原来的模式，返回每个样本的数值个数。
    raise NotImplementedError("linear_in_features")
