"""Initialisation per layer type with model.apply / 用 model.apply 按层类型初始化

English
-------
Different layers want different starting values. The notes list the tools
in `nn.init`: `normal_(tensor, mean, std)`, `constant_(tensor, val)`,
`ones_`, `zeros_`, `kaiming_normal_` / `kaiming_uniform_` and the Xavier
pair. `model.apply(fn)` calls `fn(module)` on every submodule (nested ones
included) and then on the model itself, so one function that looks at the
type of the module it gets can initialise a whole network.

Write `init_module(module)`, the function to hand to model.apply:

- nn.Conv2d: the weight from `nn.init.kaiming_normal_` with mode="fan_out"
  and nonlinearity="relu", i.e. a NORMAL distribution with mean 0 and
  standard deviation sqrt(2 / fan_out), fan_out = out_channels * kh * kw;
- nn.Linear: the weight from a normal distribution with mean 0 and std 0.01;
- nn.BatchNorm1d and nn.BatchNorm2d: weight all ones, bias all zeros;
- every bias of a Conv2d or Linear: all zeros, when the layer has one
  (bias=False gives None);
- any other module: leave it as it is.

Change the parameters in place (nn.init's functions ending in _ do), never
replace them. Then write `init_model(model)`: apply init_module to every
module of `model` and return the same model object.

Random values are checked by their statistics (mean, standard deviation, and
whether they look normal or uniform), never value by value: any order of
initialisation passes.

中文
----
不同的层需要不同的初始值。笔记列出了 `nn.init` 中的工具：
`normal_(tensor, mean, std)`、`constant_(tensor, val)`、`ones_`、`zeros_`、
`kaiming_normal_` / `kaiming_uniform_` 以及 Xavier 的两个函数。`model.apply(fn)`
会对每个子模块（包括嵌套的）调用 `fn(module)`，最后再对模型本身调用一次，所以只要
一个函数根据收到的模块类型做不同的事，就能初始化整个网络。

请实现 `init_module(module)`，也就是交给 model.apply 的那个函数：

- nn.Conv2d：weight 用 `nn.init.kaiming_normal_`，mode="fan_out"，
  nonlinearity="relu"，即均值为 0、标准差为 sqrt(2 / fan_out) 的正态分布，
  fan_out = out_channels * kh * kw；
- nn.Linear：weight 服从均值为 0、标准差为 0.01 的正态分布；
- nn.BatchNorm1d 和 nn.BatchNorm2d：weight 全为 1，bias 全为 0；
- Conv2d 或 Linear 的每个 bias：如果层有 bias（bias=False 时为 None），全部置 0；
- 其他模块：保持不变。

要原地修改参数（nn.init 中以 _ 结尾的函数就是原地修改），不要替换它们。然后实现
`init_model(model)`：对 `model` 的每个模块调用 init_module，并返回同一个模型对象。

随机取值按统计量检查（均值、标准差，以及看起来像正态分布还是均匀分布），而不是逐个
比较：任何初始化顺序都能通过。

    >>> model = init_model(nn.Sequential(nn.Conv2d(3, 64, 3), nn.BatchNorm2d(64), nn.ReLU()))
    >>> round(float(model[0].weight.detach().std()), 2)   # sqrt(2 / (64 * 3 * 3)) = 0.059
    0.06
    >>> model[1].weight.detach().unique()
    tensor([1.])

Check your work / 检查：  learn check init_per_layer
"""

from torch import nn


def init_module(module: nn.Module) -> None:
    # TODO: isinstance checks for nn.Conv2d, nn.Linear, nn.BatchNorm1d / nn.BatchNorm2d; nn.init.*_ in place.
    # TODO：用 isinstance 判断 nn.Conv2d、nn.Linear、nn.BatchNorm1d / nn.BatchNorm2d；用 nn.init.*_ 原地修改。
    raise NotImplementedError("init_module")


def init_model(model: nn.Module) -> nn.Module:
    # TODO: model.apply(init_module), then return model.
    # TODO：model.apply(init_module)，然后返回 model。
    raise NotImplementedError("init_model")
