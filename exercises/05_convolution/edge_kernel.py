"""A hand-set edge kernel / 手工设置的边缘检测卷积核

English
-------
A convolution layer usually learns its kernel, but you can also write one in
yourself. The notes extract the outline of a grey image with a 5x5 kernel
that is -1 everywhere except its centre, which is 24: on a flat patch the 24
and the twenty-four -1s cancel out (the kernel sums to 0), and where the
brightness changes the output is large. Their 512x768 image comes out
508x764 (no padding).

Write:

- `outline_kernel(size)`: a (size, size) float32 tensor, -1 everywhere and
  size * size - 1 at the centre, so that it sums to 0. Only an odd, positive
  `size` has a centre: any other size raises ValueError. (size=1 gives [[0.]].)
- `set_kernel(conv, kernel, channel=0)`: write `kernel` into the weights of
  output channel `channel` of `conv`, an nn.Conv2d with one input channel
  (its weight is (out_channels, 1, k, k)). Change only that channel, in
  place, inside `with torch.no_grad():` (an in-place change of a parameter
  that requires grad is refused by autograd otherwise). `conv.weight` must
  stay the same nn.Parameter that requires grad, so that an optimizer made
  before still trains it. A kernel whose shape is not (k, k) raises ValueError.
  Return nothing.
- `edge_map(image)`: apply a bias-free Conv2d(1, 1, 5) holding
  `outline_kernel(5)` to a (H, W) float32 image and return the (H - 4, W - 4)
  result as a plain tensor: no batch or channel dimensions and no autograd
  history (requires_grad False).

The notes write the kernel with `conv2d.weight.data[0] = ker`. `.data` gives
the same numbers without autograd knowing; `torch.no_grad()` is the way that
says what it means.

中文
----
卷积层的卷积核通常是学出来的，但也可以手工写进去。笔记用一个 5x5 的卷积核提取灰度
图像的轮廓：除中心为 24 外其余都是 -1。在亮度均匀的区域，24 与 24 个 -1 正好抵消
（卷积核各元素之和为 0）；亮度变化的地方输出就很大。笔记中 512x768 的图像（不填充）
输出为 508x764。

请实现：

- `outline_kernel(size)`：返回一个 (size, size) 的 float32 张量，中心为
  size * size - 1，其余都是 -1，这样总和为 0。只有正奇数的 `size` 才有中心：其他
  size 都抛出 ValueError。（size=1 时得到 [[0.]]。）
- `set_kernel(conv, kernel, channel=0)`：把 `kernel` 写进 `conv` 第 `channel` 个
  输出通道的权重中；`conv` 是只有一个输入通道的 nn.Conv2d（权重形状为
  (out_channels, 1, k, k)）。只修改这个通道，原地修改，并且放在
  `with torch.no_grad():` 里面（否则 autograd 会拒绝对需要梯度的参数做原地修改）。
  `conv.weight` 必须仍是原来那个需要梯度的 nn.Parameter，这样之前创建的优化器
  还能训练它。形状不是 (k, k) 的 kernel 抛出 ValueError。不需要返回值。
- `edge_map(image)`：用一个不带 bias、装有 `outline_kernel(5)` 的 Conv2d(1, 1, 5)
  处理形状为 (H, W) 的 float32 图像，返回 (H - 4, W - 4) 的结果，它必须是一个普通
  张量：没有批次和通道维度，也没有 autograd 的计算历史（requires_grad 为 False）。

笔记里用 `conv2d.weight.data[0] = ker` 写入卷积核。`.data` 得到的数值相同，但
autograd 不知道发生了修改；`torch.no_grad()` 则把意图写得清清楚楚。

    >>> outline_kernel(3)
    tensor([[-1., -1., -1.],
            [-1.,  8., -1.],
            [-1., -1., -1.]])
    >>> edge_map(torch.ones(512, 768)).abs().max().item()
    0.0
    >>> edge_map(torch.ones(512, 768)).shape
    torch.Size([508, 764])

Check your work / 检查：  learn check edge_kernel
"""

import torch
from torch import nn


def outline_kernel(size: int) -> torch.Tensor:
    # TODO: ValueError unless size is odd and positive; -1 everywhere, size * size - 1 at the centre.
    # TODO：size 不是正奇数时抛出 ValueError；全部为 -1，中心为 size * size - 1。
    raise NotImplementedError("outline_kernel")


def set_kernel(conv: nn.Conv2d, kernel: torch.Tensor, channel: int = 0) -> None:
    # TODO: check the kernel's shape, then copy it into conv.weight[channel, 0] under torch.no_grad().
    # TODO：检查 kernel 的形状，然后在 torch.no_grad() 下把它复制到 conv.weight[channel, 0]。
    raise NotImplementedError("set_kernel")


def edge_map(image: torch.Tensor) -> torch.Tensor:
    # TODO: a bias-free Conv2d(1, 1, 5) holding outline_kernel(5); (H, W) in, (H - 4, W - 4) out, no history.
    # TODO：不带 bias、装有 outline_kernel(5) 的 Conv2d(1, 1, 5)；输入 (H, W)，输出 (H - 4, W - 4)，不带计算历史。
    raise NotImplementedError("edge_map")
