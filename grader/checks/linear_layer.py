"""Checks for exercises/06_layers/linear_layer.py."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from grader.checks import (
    TORCH_AND_DYNAMO,
    Suite,
    T,
    TensorRecord,
    lazy,
    load_reference_weights,
    output_after_one_sgd_step,
    parameter_summary,
)

torch = lazy("torch")
nn = lazy("torch.nn")

NEEDS = TORCH_AND_DYNAMO

suite = Suite("linear_layer", names=("MyLinear",), needs=NEEDS)

REGISTER = T(
    "Wrap each tensor in nn.Parameter when you assign it: self.weight = nn.Parameter(torch.empty(out_features, "
    "in_features).uniform_(-bound, bound)).",
    "赋值时用 nn.Parameter 包装每个张量：self.weight = nn.Parameter(torch.empty(out_features, in_features)"
    ".uniform_(-bound, bound))。",
)
LAYOUT = T(
    "nn.Linear stores its weight as (out_features, in_features) and multiplies by its transpose: x @ weight.T + bias.",
    "nn.Linear 的 weight 形状是 (out_features, in_features)，计算时乘的是它的转置：x @ weight.T + bias。",
)


def registration_mistake(got, expected):
    if type(got) is dict and type(expected) is dict and got.get("count") == 0 and expected.get("count"):
        return T("Your layer registers no parameters: plain tensors (even with requires_grad=True) are invisible "
                 "to nn.Module. model.parameters() is empty, so an optimizer would never train them. Wrap them in "
                 "nn.Parameter.",
                 "你的层没有注册任何参数：普通张量（即使 requires_grad=True）对 nn.Module 是不可见的。"
                 "model.parameters() 是空的，优化器永远不会训练它们。请用 nn.Parameter 包装。")
    return None


def transposed_weight(got, expected):
    if type(got) is dict and type(expected) is dict:
        mine, theirs = got.get("shapes"), expected.get("shapes")
        # the weight is the only 2-D parameter; the shapes' order says nothing about registration order
        mine_2d = [s for s in mine if isinstance(s, list) and len(s) == 2] if isinstance(mine, list) else []
        theirs_2d = [s for s in theirs if isinstance(s, list) and len(s) == 2] if isinstance(theirs, list) else []
        if len(mine_2d) == 1 and len(theirs_2d) == 1 and mine_2d[0] != theirs_2d[0] \
                and mine_2d[0] == theirs_2d[0][::-1]:
            return T("Your weight is (in_features, out_features), transposed: nn.Linear's is (out_features, "
                     "in_features), one row per output. Then the forward pass is x @ self.weight.T.",
                     "你的 weight 是 (in_features, out_features)，方向反了：nn.Linear 的是 (out_features, in_features)，"
                     "每个输出对应一行。这样前向计算就是 x @ self.weight.T。")
    return None


def linear_with_weights(m, in_features: int, out_features: int, seed: int):
    """A MyLinear holding the same (seeded) weight and bias as an nn.Linear of that size."""
    reference = nn.Linear(in_features, out_features)
    load_reference_weights(reference, seed)
    model = m.MyLinear(in_features, out_features)
    for name in ("weight", "bias"):
        mine, theirs = getattr(model, name), getattr(reference, name)
        if tuple(mine.shape) != tuple(theirs.shape):
            raise ValueError(f"MyLinear({in_features}, {out_features}).{name} has shape {tuple(mine.shape)}, "
                             f"but nn.Linear's {name} is {tuple(theirs.shape)}")
        with torch.no_grad():
            mine.copy_(theirs)
    return model


@suite.case("MyLinear(4, 3) registers weight and bias as parameters", "MyLinear(4, 3) 把 weight 和 bias 注册为参数",
            diagnose=registration_mistake, hint=REGISTER)
def registered(m):
    summary = parameter_summary(m.MyLinear(4, 3))
    return {"names": sorted(summary["names"]), "count": summary["count"]}


@suite.case("the weight is (out_features, in_features) like nn.Linear's", "weight 的形状与 nn.Linear 一样是 (out_features, in_features)",
            keys=("shapes",), diagnose=transposed_weight, hint=LAYOUT)
def layout(m):
    return parameter_summary(m.MyLinear(5, 2))


@suite.case("with nn.Linear(5, 3)'s weight and bias, a (4, 5) batch gives nn.Linear's output",
            "使用 nn.Linear(5, 3) 的 weight 和 bias 时，(4, 5) 的批次得到与 nn.Linear 相同的输出", hint=LAYOUT)
def same_output(m):
    x = torch.randn(4, 5)
    return linear_with_weights(m, 5, 3, seed=1)(x)


@suite.case("gradients reach weight, bias and the input as in nn.Linear", "梯度像 nn.Linear 一样传到 weight、bias 和输入",
            hint=T("Use tensor operations on self.weight and self.bias themselves (no .data, no copies), and keep "
                   "them nn.Parameters.",
                   "直接对 self.weight 和 self.bias 做张量运算（不要用 .data，也不要复制），并保持它们是 nn.Parameter。"))
def gradients(m):
    x = torch.randn(6, 5, requires_grad=True)
    model = linear_with_weights(m, 5, 3, seed=2)
    y = model(x)
    (y * torch.arange(1.0, 4.0)).sum().backward()
    return {"output": y, "weight": model.weight, "bias": model.bias, "x": x}


@suite.case("extra leading dimensions: (2, 3, 5) -> (2, 3, 4)", "额外的前导维度：(2, 3, 5) -> (2, 3, 4)",
            hint=T("torch.mm only multiplies 2-D matrices; x @ self.weight.T works for any number of leading "
                   "dimensions, like nn.Linear.",
                   "torch.mm 只能乘二维矩阵；x @ self.weight.T 对任意多个前导维度都适用，与 nn.Linear 一样。"))
def leading_dimensions(m):
    x = torch.randn(2, 3, 5)
    return linear_with_weights(m, 5, 4, seed=3)(x)


@suite.case("a single sample of shape (5,) gives shape (3,)", "形状为 (5,) 的单个样本得到形状 (3,)",
            hint=T("Do not add or assume a batch dimension: x @ self.weight.T + self.bias handles 1-D x too.",
                   "不要额外添加或假设批次维度：x @ self.weight.T + self.bias 也能处理一维的 x。"))
def single_sample(m):
    x = torch.randn(5)
    return linear_with_weights(m, 5, 3, seed=4)(x)


@suite.case("the notes' CIFAR batch, flattened per image: (64, 3072) -> (64, 10)",
            "笔记中的 CIFAR 批次，按图片展平：(64, 3072) -> (64, 10)", atol=1e-4)
def cifar_batch(m):
    images = torch.randn(64, 3, 32, 32)
    return linear_with_weights(m, 3 * 32 * 32, 10, seed=5)(torch.flatten(images, 1))


#: a uniform draw's standard deviation is bound / sqrt(3); a sample of 400 or more is within 15 % of it
SPREAD_TOLERANCE = 0.15
#: 400 uniform values on [-b, b] all stay below 0.9 b with probability 0.95 ** 400, about 1e-9
FILLS_RANGE = 0.9
UNIFORM_HINT = T(
    "bound = 1 / math.sqrt(in_features); torch.empty(...).uniform_(-bound, bound) for the weight AND the bias, "
    "as nn.Linear does. torch.empty alone leaves whatever was in memory, randn leaves the range, and zeros "
    "(for the weight) make every output unit identical.",
    "bound = 1 / math.sqrt(in_features)；weight 和 bias 都用 torch.empty(...).uniform_(-bound, bound)，"
    "与 nn.Linear 相同。只用 torch.empty 会留下内存里原有的内容，randn 会超出范围，weight 全为 0 又会让每个"
    "输出单元完全一样。",
)


def uniform_like_linear(name: str):
    """A judge rule: the learner's fresh `name` is uniform on ±1/sqrt(in_features), read from the reference."""

    def rule(got: Any, expected: Any) -> T | None:
        reference = expected[name]
        in_features = expected["weight"].shape[1]  # the reference's layer says how wide it is, not the learner's
        bound = 1 / math.sqrt(in_features)
        mine = got.get(name) if isinstance(got, dict) else None
        if not isinstance(mine, TensorRecord) or mine.values is None or tuple(mine.shape) != tuple(reference.shape):
            return T(f"self.{name} of MyLinear({in_features}, ...) should have shape {tuple(reference.shape)}.",
                     f"MyLinear({in_features}, ...) 的 self.{name} 形状应为 {tuple(reference.shape)}。")
        values = np.asarray(mine.values, dtype=np.float64).ravel()
        where = T(f"self.{name} of a new MyLinear({in_features}, ...)", f"新建的 MyLinear({in_features}, ...) 的 self.{name}")
        if not np.isfinite(values).all() or float(np.abs(values).max(initial=0.0)) > bound * (1 + 1e-6):
            return T(f"{where.en} has values outside ±1/sqrt(in_features) = ±{bound:.4g}.",
                     f"{where.zh} 有超出 ±1/sqrt(in_features) = ±{bound:.4g} 的值。")
        spread, wanted = float(values.std()), bound / math.sqrt(3)
        if float(np.abs(values).max(initial=0.0)) < FILLS_RANGE * bound or abs(spread / wanted - 1) >= SPREAD_TOLERANCE:
            return T(f"{where.en} is not spread uniformly over ±{bound:.4g}: its standard deviation is {spread:.4g}, "
                     f"a uniform draw has {wanted:.4g}" + (" (all zeros: nn.Linear draws its bias too)."
                                                          if spread == 0 else "."),
                     f"{where.zh} 没有在 ±{bound:.4g} 上均匀分布：标准差为 {spread:.4g}，均匀分布应为 {wanted:.4g}"
                     + ("（全是 0：nn.Linear 的 bias 也是随机初始化的）。" if spread == 0 else "。"))
        return None

    return rule


def fresh_parameters(m):
    """The raw parameters of a new MyLinear(100, 400): 40 000 weights and 400 biases, judged by rules."""
    model = m.MyLinear(100, 400)
    return {"weight": model.weight.detach(), "bias": model.bias.detach()}


@suite.case("a fresh weight is uniform on ±1/sqrt(in_features), like nn.Linear's",
            "新建的 weight 在 ±1/sqrt(in_features) 上均匀分布，与 nn.Linear 一样",
            hint=UNIFORM_HINT, rule=uniform_like_linear("weight"))
def initial_weight(m):
    return fresh_parameters(m)


@suite.case("a fresh bias is uniform on ±1/sqrt(in_features) too (not zeros), like nn.Linear's",
            "新建的 bias 同样在 ±1/sqrt(in_features) 上均匀分布（不是 0），与 nn.Linear 一样",
            hint=UNIFORM_HINT, rule=uniform_like_linear("bias"))
def initial_bias(m):
    return fresh_parameters(m)


@suite.case("one SGD step through model.parameters() changes the output", "通过 model.parameters() 做一步 SGD 后输出会改变",
            hint=REGISTER)
def optimizer_step(m):
    x, target = torch.randn(8, 5), torch.randn(8, 3)
    model = linear_with_weights(m, 5, 3, seed=6)
    return output_after_one_sgd_step(model, x, target)


@suite.case("model.to('meta') moves both parameters (meta device)", "model.to('meta') 会移动两个参数（meta 设备）",
            hint=T("Only registered parameters move with .to(device); a plain tensor attribute stays on the CPU.",
                   "只有注册过的参数才会随 .to(device) 移动；普通张量属性会留在 CPU 上。"))
def meta_device(m):
    model = m.MyLinear(5, 3).to("meta")
    return {"output": model(torch.empty(2, 5, device="meta")),
            "parameter devices": [str(p.device) for p in model.parameters()]}
