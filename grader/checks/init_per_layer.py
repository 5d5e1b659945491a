"""Checks for exercises/06_layers/init_per_layer.py.

Cases return the raw parameters. Random weights are judged in the judge by the
statistics their distribution must have (mean, standard deviation, share of
values beyond two standard deviations), the expected spread computed from the
REFERENCE's shapes; fixed values (ones, zeros, untouched layers) are compared
value by value. No verdict depends on which random numbers were drawn.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from grader.checks import TORCH_AND_DYNAMO, Suite, T, TensorRecord, first_difference, lazy

torch = lazy("torch")
nn = lazy("torch.nn")

suite = Suite("init_per_layer", names=("init_module", "init_model"), needs=TORCH_AND_DYNAMO)

LINEAR_STD = 0.01
#: a sample mean or standard deviation may stray this many of its own standard errors before it is wrong
SIGMAS = 6.0
#: below this many values, the shape of the distribution is not tested (too few to tell)
SHAPE_MIN_VALUES = 2000
#: share of a normal sample beyond 2 standard deviations is 4.55%; a uniform one has none
BEYOND_2_STD = (0.025, 0.07)

KAIMING = T(
    "A Conv2d weight comes from nn.init.kaiming_normal_(module.weight, mode=\"fan_out\", nonlinearity=\"relu\"): "
    "normal, mean 0, std sqrt(2 / (out_channels * kh * kw)).",
    "Conv2d 的 weight 来自 nn.init.kaiming_normal_(module.weight, mode=\"fan_out\", nonlinearity=\"relu\")："
    "正态分布，均值为 0，标准差为 sqrt(2 / (out_channels * kh * kw))。",
)
LINEAR = T(
    "A Linear weight comes from nn.init.normal_(module.weight, mean=0.0, std=0.01).",
    "Linear 的 weight 来自 nn.init.normal_(module.weight, mean=0.0, std=0.01)。",
)
BATCHNORM = T(
    "BatchNorm layers: nn.init.ones_(module.weight) and nn.init.zeros_(module.bias) (or constant_ with 1 and 0); "
    "check isinstance(module, (nn.BatchNorm1d, nn.BatchNorm2d)).",
    "BatchNorm 层：nn.init.ones_(module.weight) 和 nn.init.zeros_(module.bias)（或用 constant_ 填 1 和 0）；"
    "用 isinstance(module, (nn.BatchNorm1d, nn.BatchNorm2d)) 判断。",
)
ZERO_BIAS = T(
    "Every Conv2d and Linear bias becomes zeros: nn.init.zeros_(module.bias), after checking that "
    "module.bias is not None.",
    "每个 Conv2d 和 Linear 的 bias 都置为 0：先确认 module.bias is not None，再 nn.init.zeros_(module.bias)。",
)


def conv_std(shape: tuple[int, ...]) -> float:
    """The spread kaiming_normal_(mode="fan_out", nonlinearity="relu") gives a weight of this shape."""
    return math.sqrt(2.0 / (shape[0] * math.prod(shape[2:])))


def spread_problem(name: str, got: Any, expected: TensorRecord, wanted_std: float, law: T) -> T | None:
    """Why `got` does not look like N(0, wanted_std) drawn for the reference's shape, or None."""
    if not isinstance(got, TensorRecord) or got.values is None or tuple(got.shape) != tuple(expected.shape):
        return T(f"{name}: expected a tensor of shape {tuple(expected.shape)}.",
                 f"{name}：应为形状 {tuple(expected.shape)} 的张量。")
    values = np.asarray(got.values, dtype=np.float64).ravel()
    n = values.size
    if not np.isfinite(values).all():
        return T(f"{name} holds nan or inf.", f"{name} 中有 nan 或 inf。")
    mean, std = float(values.mean()), float(values.std())
    where = T(f"{name}: ", f"{name}：")
    if abs(mean) > SIGMAS * wanted_std / math.sqrt(n):
        return T(f"{where.en}mean {mean:.4g}, but the values should be centred on 0. {law.en}",
                 f"{where.zh}均值为 {mean:.4g}，但取值应以 0 为中心。{law.zh}")
    if abs(std / wanted_std - 1) > SIGMAS / math.sqrt(2 * n):
        return T(f"{where.en}standard deviation {std:.4g}, expected {wanted_std:.4g}. {law.en}",
                 f"{where.zh}标准差为 {std:.4g}，应为 {wanted_std:.4g}。{law.zh}")
    if n >= SHAPE_MIN_VALUES:
        beyond = float((np.abs(values) > 2 * wanted_std).mean())
        if not BEYOND_2_STD[0] <= beyond <= BEYOND_2_STD[1]:
            return T(f"{where.en}{beyond:.1%} of the values lie beyond 2 standard deviations; a normal distribution "
                     f"has about 4.6% there (a uniform one has none). {law.en}",
                     f"{where.zh}有 {beyond:.1%} 的值落在 2 个标准差之外；正态分布大约有 4.6%（均匀分布一个也没有）。"
                     f"{law.zh}")
    return None


def init_rule(kinds: dict[str, str]):
    """A judge rule for a case returning named parameters: `kinds` says which key is a Conv2d weight ("conv"),
    a Linear weight ("linear"), and which must equal the reference's values ("exact", the default)."""

    def rule(got: Any, expected: Any) -> T | None:
        if not isinstance(got, dict):
            return first_difference(got, expected, atol=1e-6, rtol=1e-5)
        for name, reference in expected.items():
            kind = kinds.get(name, "exact")
            if kind == "conv":
                problem = spread_problem(name, got.get(name), reference, conv_std(tuple(reference.shape)), KAIMING)
            elif kind == "linear":
                problem = spread_problem(name, got.get(name), reference, LINEAR_STD, LINEAR)
            else:
                problem = first_difference({name: got.get(name)}, {name: reference}, atol=1e-6, rtol=1e-5)
            if problem:
                return problem
        return None

    return rule


def scramble(model) -> None:
    """Give every parameter values no init leaves behind, so that an untouched one is noticed."""
    with torch.no_grad():
        for param in model.parameters():
            param.copy_(torch.rand(param.shape) + 2.0)


def named(model) -> dict[str, Any]:
    return {name: p.detach().clone() for name, p in model.named_parameters()}


def small_cnn():
    return nn.Sequential(nn.Conv2d(3, 32, 3), nn.BatchNorm2d(32), nn.ReLU(), nn.Conv2d(32, 64, 3), nn.BatchNorm2d(64),
                         nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(64, 10))


SMALL_CNN_KINDS = {"0.weight": "conv", "3.weight": "conv", "8.weight": "linear"}


@suite.case("a small CNN: Kaiming-normal convolutions, BatchNorm at 1 and 0, a N(0, 0.01) Linear, zero biases",
            "一个小型 CNN：卷积为 Kaiming 正态分布，BatchNorm 为 1 和 0，Linear 为 N(0, 0.01)，bias 为 0",
            rule=init_rule(SMALL_CNN_KINDS), hint=KAIMING)
def whole_cnn(m):
    model = small_cnn()
    scramble(model)
    m.init_model(model)
    return named(model)


@suite.case("Conv2d(16, 64, 3): std sqrt(2 / fan_out) = sqrt(2 / 576), normal (not uniform, not fan_in)",
            "Conv2d(16, 64, 3)：标准差 sqrt(2 / fan_out) = sqrt(2 / 576)，正态分布（不是均匀分布，也不是 fan_in）",
            rule=init_rule({"weight": "conv"}), hint=KAIMING)
def conv_fan_out(m):
    model = nn.Conv2d(16, 64, 3)
    m.init_model(model)
    return named(model)


@suite.case("a rectangular 1x5 kernel: fan_out = out_channels * 1 * 5", "1x5 的长方形卷积核：fan_out = out_channels * 1 * 5",
            rule=init_rule({"weight": "conv"}), hint=KAIMING)
def conv_rectangular(m):
    model = nn.Conv2d(8, 128, (1, 5))
    m.init_model(model)
    return named(model)


@suite.case("Linear(512, 256): normal with std 0.01", "Linear(512, 256)：标准差为 0.01 的正态分布",
            rule=init_rule({"weight": "linear"}), hint=LINEAR)
def linear_std(m):
    model = nn.Linear(512, 256)
    m.init_model(model)
    return named(model)


@suite.case("BatchNorm2d and BatchNorm1d: weight 1 and bias 0, whatever they held before",
            "BatchNorm2d 和 BatchNorm1d：不管之前是什么，weight 为 1，bias 为 0", hint=BATCHNORM)
def batchnorms(m):
    model = nn.Sequential(nn.BatchNorm2d(6), nn.Flatten(), nn.BatchNorm1d(24))
    scramble(model)
    m.init_model(model)
    return named(model)


@suite.case("every Conv2d and Linear bias is zero", "每个 Conv2d 和 Linear 的 bias 都是 0", hint=ZERO_BIAS)
def biases(m):
    model = nn.Sequential(nn.Conv2d(2, 4, 3), nn.Flatten(), nn.Linear(4, 3))
    scramble(model)
    m.init_model(model)
    return {name: p.detach() for name, p in model.named_parameters() if name.endswith("bias")}


@suite.case("layers built with bias=False are fine", "用 bias=False 创建的层也没问题",
            rule=init_rule({"0.weight": "conv", "2.weight": "linear"}),
            hint=T("module.bias is None when a layer has no bias: skip it.", "层没有 bias 时 module.bias 是 None：跳过它。"))
def without_bias(m):
    model = nn.Sequential(nn.Conv2d(4, 64, 3, bias=False), nn.Flatten(), nn.Linear(256, 40, bias=False))
    m.init_model(model)
    return {**named(model), "conv bias is None": model[0].bias is None, "linear bias is None": model[2].bias is None}


@suite.case("other layers (LayerNorm, Embedding, Conv1d) are left as they were",
            "其他层（LayerNorm、Embedding、Conv1d）保持原样",
            hint=T("Select by exact layer type: only nn.Conv2d, nn.Linear, nn.BatchNorm1d and nn.BatchNorm2d change.",
                   "按确切的层类型选择：只有 nn.Conv2d、nn.Linear、nn.BatchNorm1d 和 nn.BatchNorm2d 会被修改。"))
def other_layers(m):
    model = nn.ModuleDict({"norm": nn.LayerNorm(8), "embed": nn.Embedding(5, 3), "conv1d": nn.Conv1d(2, 3, 3)})
    scramble(model)
    m.init_model(model)
    return named(model)


@suite.case("layers nested inside containers and custom modules are reached", "嵌套在容器和自定义模块里的层也会被处理",
            rule=init_rule({"features.block.0.weight": "conv", "head.0.weight": "linear"}),
            hint=T("model.apply(fn) visits every submodule at every depth; a loop over model.children() sees only the "
                   "top level.",
                   "model.apply(fn) 会访问每一层深度的每个子模块；遍历 model.children() 只能看到最外一层。"))
def nested(m):
    Module: Any = nn.Module  # a lazy module's attribute: typed so that it can be a base class

    class Features(Module):
        def __init__(self):
            super().__init__()
            self.block = nn.Sequential(nn.Conv2d(8, 96, 3), nn.BatchNorm2d(96), nn.ReLU())

        def forward(self, x):
            return self.block(x)

    class Net(Module):
        def __init__(self):
            super().__init__()
            self.features = Features()
            self.head = nn.Sequential(nn.Linear(96, 100))

        def forward(self, x):
            return self.head(self.features(x).mean((2, 3)))

    model = Net()
    scramble(model)
    m.init_model(model)
    return named(model)


@suite.case("init_model returns the same model, with the same parameter objects", "init_model 返回同一个模型和同样的参数对象",
            hint=T("Change the tensors in place with nn.init's *_ functions and `return model`; assigning "
                   "module.weight = nn.Parameter(...) leaves an optimizer made earlier holding the old tensors.",
                   "用 nn.init 中以 _ 结尾的函数原地修改张量，并 `return model`；赋值 module.weight = nn.Parameter(...) "
                   "会让之前创建的优化器仍然持有旧张量。"))
def same_objects(m):
    model = small_cnn()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    before = list(model.parameters())
    returned = m.init_model(model)
    after = list(model.parameters())
    held = optimizer.param_groups[0]["params"]
    return {
        "init_model returned the model it was given": returned is model,
        "number of parameters after init": len(after),
        "same parameter objects after init, one by one": [a is b for a, b in zip(before, after)],
        "the optimizer holds the model's parameters, one by one": [a is b for a, b in zip(held, after)],
        "parameters still require grad, one by one": [p.requires_grad for p in after],
    }
