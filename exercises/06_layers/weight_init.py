"""Xavier initialisation / Xavier 初始化

English
-------
A layer's starting weights decide whether signals keep their size as they
pass through the network. Xavier (Glorot) initialisation draws each weight
of a layer uniformly from [-a, a] with

    a = gain * sqrt(6 / (fan_in + fan_out))

fan_in and fan_out are the number of inputs and outputs one weight connects:
for nn.Linear(in, out) they are in and out; for nn.Conv2d(in_ch, out_ch, k)
they are in_ch * k * k and out_ch * k * k. A uniform draw on [-a, a] has
standard deviation a / sqrt(3). `nn.init.xavier_uniform_(tensor, gain=...)`
does all of this in place.

Write `init_weights(model, gain=1.0)`: for EVERY nn.Linear and convolution
(nn.Conv1d/2d/3d) inside `model`, nested ones included (model.modules()
walks them all):
- fill the weight with Xavier-uniform values using `gain`;
- set the bias to zeros, when the layer has one (bias=False gives None).
Leave every other layer as it is (a BatchNorm's weight must stay 1).
Change the parameters in place; do not replace them with new ones (an
optimizer created earlier holds the old objects). Return nothing.

The notes initialise a 4-layer generator (fc1, fc2, fc3, out) with
`xavier_uniform_` on every weight AND every bias. Try it once: the bias
line fails. Find out why, and what biases get instead.

    >>> model = nn.Sequential(nn.Linear(16, 64), nn.ReLU(), nn.Linear(64, 4))
    >>> init_weights(model)
    >>> float(model[0].weight.abs().max()) <= (6 / (16 + 64)) ** 0.5
    True
    >>> model[0].bias.abs().sum().item()
    0.0

中文
----
层的初始权重决定了信号在网络中传递时能否保持合适的大小。Xavier（Glorot）初始化
让每层的每个权重在 [-a, a] 上均匀分布，其中 a = gain * sqrt(6 / (fan_in + fan_out))。
fan_in 和 fan_out 是一个权重所连接的输入数和输出数：nn.Linear(in, out) 中就是 in
和 out；nn.Conv2d(in_ch, out_ch, k) 中是 in_ch * k * k 和 out_ch * k * k。[-a, a] 上
均匀分布的标准差是 a / sqrt(3)。`nn.init.xavier_uniform_(tensor, gain=...)` 会原地
完成这些工作。

请实现 `init_weights(model, gain=1.0)`：对 `model` 中的每一个 nn.Linear 和卷积层
（nn.Conv1d/2d/3d），包括嵌套在里面的（model.modules() 会遍历所有层）：
- 用带 `gain` 的 Xavier 均匀分布填充 weight；
- 如果层有 bias（bias=False 时为 None），把它置为 0。
其他层保持不变（BatchNorm 的 weight 必须保持为 1）。要原地修改参数，不要用新的参数
替换它们（之前创建的优化器持有的是原来的对象）。不需要返回值。

笔记里对一个 4 层生成器（fc1、fc2、fc3、out）的每个 weight 和每个 bias 都调用了
`xavier_uniform_`。试一次：对 bias 的那一行会报错。想一想为什么，以及 bias 应该怎么初始化。

        >>> model = nn.Sequential(nn.Linear(16, 64), nn.ReLU(), nn.Linear(64, 4))
        >>> init_weights(model)
        >>> float(model[0].weight.abs().max()) <= (6 / (16 + 64)) ** 0.5
        True
        >>> model[0].bias.abs().sum().item()
        0.0

Check your work / 检查：  learn check weight_init
"""

from torch import nn


def init_weights(model: nn.Module, gain: float = 1.0) -> None:
    # TODO: for each module in model.modules() that is an nn.Linear or a convolution:
    #       Xavier-uniform weight (with gain), zero bias if there is one.
    # TODO：对 model.modules() 中每个 nn.Linear 或卷积层：
    #       weight 用 Xavier 均匀分布（带 gain），有 bias 就置 0。
    raise NotImplementedError("init_weights")
