"""Kaiming initialisation by hand / 手算 Kaiming 初始化

English
-------
Xavier keeps the variance of a signal when half of it is not thrown away.
A ReLU zeroes about half of its inputs, so He (Kaiming) initialisation
doubles the variance that Xavier would give. `nn.init.kaiming_uniform_` and
`nn.init.kaiming_normal_` size their values like this:

    gain  = sqrt(2 / (1 + a**2))  for "leaky_relu" with negative slope a
            sqrt(2)               for "relu"
            5 / 3                 for "tanh"
            1                     for "linear", "conv1d", "conv2d", "conv3d", "sigmoid"
    fan   = fan_in or fan_out, chosen by `mode`
    std   = gain / sqrt(fan)      (kaiming_normal_ draws from N(0, std))
    bound = sqrt(3) * std         (kaiming_uniform_ draws from U(-bound, bound))

A weight's shape is (out_features, in_features) for nn.Linear and
(out_channels, in_channels, k1, k2, ...) for a convolution. The receptive
field is the product of the kernel sizes (1 for a Linear weight), and
fan_in = in_features * receptive field, fan_out = out_features * receptive field.

Write, by hand (plain Python arithmetic, no nn.init helpers):

- `compute_fans(shape)`: the pair (fan_in, fan_out) of a weight of this
  shape. A shape with fewer than 2 dimensions (a bias) has no fans: raise
  ValueError.
- `gain_for(nonlinearity, a=0.0)`: the gain of the table above. Any other
  name raises ValueError.
- `kaiming_std(shape, a=0.0, mode="fan_in", nonlinearity="leaky_relu")`: the
  std above. `mode` must be "fan_in" or "fan_out", anything else raises
  ValueError.
- `kaiming_bound(shape, a=0.0, mode="fan_in", nonlinearity="leaky_relu")`:
  the bound of the uniform version.

The defaults are the ones in the notes' signature
`kaiming_uniform_(tensor, a=0, mode='fan_in', nonlinearity='leaky_relu')`:
with a = 0 a leaky ReLU is a ReLU, so the default gain is sqrt(2).

中文
----
Xavier 初始化假设信号没有被丢掉一半，从而保持方差不变。ReLU 会把大约一半的输入
置为 0，所以 He（Kaiming）初始化在 Xavier 的基础上把方差翻倍。
`nn.init.kaiming_uniform_` 和 `nn.init.kaiming_normal_` 按下面的方式确定取值大小：

    gain  = sqrt(2 / (1 + a**2))  "leaky_relu"，负半轴斜率为 a
            sqrt(2)               "relu"
            5 / 3                 "tanh"
            1                     "linear"、"conv1d"、"conv2d"、"conv3d"、"sigmoid"
    fan   = fan_in 或 fan_out，由 `mode` 决定
    std   = gain / sqrt(fan)      （kaiming_normal_ 从 N(0, std) 中取值）
    bound = sqrt(3) * std         （kaiming_uniform_ 从 U(-bound, bound) 中取值）

nn.Linear 的权重形状是 (out_features, in_features)，卷积层的权重形状是
(out_channels, in_channels, k1, k2, ...)。感受野（receptive field）是各个卷积核尺寸
的乘积（Linear 的权重为 1），fan_in = in_features * 感受野，
fan_out = out_features * 感受野。

请手动实现以下函数（只用 Python 的普通运算，不用 nn.init 中的辅助函数）：

- `compute_fans(shape)`：返回这个形状的权重的 (fan_in, fan_out)。少于 2 个维度的
  形状（例如 bias）没有 fan：抛出 ValueError。
- `gain_for(nonlinearity, a=0.0)`：返回上表中的 gain。其他名字抛出 ValueError。
- `kaiming_std(shape, a=0.0, mode="fan_in", nonlinearity="leaky_relu")`：返回上面
  的 std。`mode` 必须是 "fan_in" 或 "fan_out"，其他值抛出 ValueError。
- `kaiming_bound(shape, a=0.0, mode="fan_in", nonlinearity="leaky_relu")`：返回
  均匀分布版本的 bound。

默认值与笔记中的函数签名
`kaiming_uniform_(tensor, a=0, mode='fan_in', nonlinearity='leaky_relu')` 相同：
a = 0 时 leaky ReLU 就是 ReLU，所以默认的 gain 是 sqrt(2)。

    >>> compute_fans((512, 784))
    (784, 512)
    >>> compute_fans((64, 3, 3, 3))
    (27, 576)
    >>> round(kaiming_std((512, 784)), 5)
    0.05051

Check your work / 检查：  learn check kaiming_init
"""

import math


def compute_fans(shape: tuple[int, ...]) -> tuple[int, int]:
    # TODO: ValueError below 2 dimensions; receptive field = product of shape[2:].
    # TODO：少于 2 维时抛出 ValueError；感受野 = shape[2:] 的乘积。
    raise NotImplementedError("compute_fans")


def gain_for(nonlinearity: str, a: float = 0.0) -> float:
    # TODO: the gain of the table; ValueError for any other name.
    # TODO：返回表中的 gain；其他名字抛出 ValueError。
    raise NotImplementedError("gain_for")


def kaiming_std(shape: tuple[int, ...], a: float = 0.0, mode: str = "fan_in",
                nonlinearity: str = "leaky_relu") -> float:
    # TODO: gain / sqrt(fan); ValueError for a mode other than "fan_in" / "fan_out".
    # TODO：gain / sqrt(fan)；mode 不是 "fan_in" 或 "fan_out" 时抛出 ValueError。
    raise NotImplementedError("kaiming_std")


def kaiming_bound(shape: tuple[int, ...], a: float = 0.0, mode: str = "fan_in",
                  nonlinearity: str = "leaky_relu") -> float:
    # TODO: sqrt(3) * std.
    # TODO：sqrt(3) * std。
    raise NotImplementedError("kaiming_bound")
