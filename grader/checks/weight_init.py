"""Checks for exercises/06_layers/weight_init.py.

Values are checked by their properties (bounds, zeros, spread), never one by
one: a learner who initialises the layers in another valid order draws other
random numbers and must still pass. The probe only sends the raw weights;
the bound and the spread are judged here, in the judge, from the reference's
record (its shapes and gain), never from anything the learner's probe says.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from grader.checks import TORCH_AND_DYNAMO, Suite, T, TensorRecord, first_difference, lazy

torch = lazy("torch")
nn = lazy("torch.nn")

NEEDS = TORCH_AND_DYNAMO

suite = Suite("weight_init", names=("init_weights",), needs=NEEDS)

#: layers with at least this many weights have their spread checked (smaller ones vary too much by chance)
SPREAD_MIN_VALUES = 1000
SPREAD_TOLERANCE = 0.15

FAN_ERROR = T(
    "nn.init.xavier_uniform_ only works on a weight: Xavier sizes values from fan_in and fan_out, which exist "
    "only for a tensor with at least 2 dimensions (a Linear weight is (out_features, in_features)). A bias is "
    "1-D, shape (out_features,): it has no fan-in and fan-out, so PyTorch raises \"Fan in and fan out can not be "
    "computed for tensor with fewer than 2 dimensions\". The notes' bias lines are the mistake: give biases "
    "nn.init.zeros_(module.bias) instead.",
    "nn.init.xavier_uniform_ 只能用于 weight：Xavier 根据 fan_in 和 fan_out 确定取值范围，而只有至少二维的张量"
    "才有这两个量（Linear 的 weight 是 (out_features, in_features)）。bias 是一维的，形状为 (out_features,)："
    "它没有 fan-in 和 fan-out，所以 PyTorch 报错 \"Fan in and fan out can not be computed for tensor with fewer "
    "than 2 dimensions\"。笔记里对 bias 的那几行就是错误所在：bias 应当用 nn.init.zeros_(module.bias) 置 0。",
)
BOUND = T(
    "nn.init.xavier_uniform_(module.weight, gain=gain) draws from [-a, a] with "
    "a = gain * sqrt(6 / (fan_in + fan_out)). Other draws (randn, kaiming, xavier_normal_) leave that range.",
    "nn.init.xavier_uniform_(module.weight, gain=gain) 在 [-a, a] 上取值，a = gain * sqrt(6 / (fan_in + fan_out))。"
    "其他方式（randn、kaiming、xavier_normal_）会超出这个范围。",
)
SPREAD = T(
    "Values inside the bound but too close to 0 mean the layer kept its default init (or a smaller range): "
    "Xavier-uniform values have standard deviation gain * sqrt(2 / (fan_in + fan_out)).",
    "取值在范围内但过于集中在 0 附近，说明这一层保留了默认初始化（或者用了更小的范围）："
    "Xavier 均匀分布的标准差是 gain * sqrt(2 / (fan_in + fan_out))。",
)
ZERO_BIAS = T(
    "Every layer that has a bias needs nn.init.zeros_(module.bias); check `if module.bias is not None` first.",
    "每个有 bias 的层都需要 nn.init.zeros_(module.bias)；先检查 `if module.bias is not None`。",
)


def notes_generator():
    """The notes' 4-layer generator: fc1, fc2, fc3 and out, with ReLU in between."""

    Module: Any = nn.Module  # a lazy module's attribute: typed so that it can be a base class

    class Generator(Module):
        def __init__(self, g_in, g_out, w1, w2, w3):
            super().__init__()
            self.fc1 = nn.Linear(g_in, w1)
            self.fc2 = nn.Linear(w1, w2)
            self.fc3 = nn.Linear(w2, w3)
            self.out = nn.Linear(w3, g_out)

        def forward(self, x):
            x = torch.relu(self.fc1(x))
            x = torch.relu(self.fc2(x))
            x = torch.relu(self.fc3(x))
            return self.out(x)

    return Generator(16, 4, 64, 128, 64)


WEIGHTED = ("Linear", "Conv1d", "Conv2d", "Conv3d")


def weighted_layers(model):
    """Every layer the statement asks to initialise, by the check's own selection (not the learner's)."""
    kinds = tuple(getattr(nn, kind) for kind in WEIGHTED)
    return [(name, module) for name, module in model.named_modules() if isinstance(module, kinds)]


def weights(model, gain: float = 1.0):
    """The raw weights, by layer name, and the gain they should have been drawn with (judged by `xavier_rule`)."""
    return {"gain": float(gain),
            "weights": {f"{name}.weight": module.weight.detach() for name, module in weighted_layers(model)}}


# ---- judge rules: they run in the judge, on the reference's shapes and gain --------------------


def xavier_bound(shape: tuple[int, ...], gain: float) -> float:
    """a = gain * sqrt(6 / (fan_in + fan_out)) for a weight of this shape (out, in, *kernel)."""
    receptive = math.prod(shape[2:]) if len(shape) > 2 else 1
    fan_in, fan_out = shape[1] * receptive, shape[0] * receptive
    return gain * math.sqrt(6.0 / (fan_in + fan_out))


def _values(got: Any, name: str, reference: TensorRecord) -> np.ndarray | T:
    mine = got["weights"].get(name) if isinstance(got, dict) and isinstance(got.get("weights"), dict) else None
    if not isinstance(mine, TensorRecord) or mine.values is None or tuple(mine.shape) != tuple(reference.shape):
        return T(f"{name} is not a weight of shape {tuple(reference.shape)} any more.",
                 f"{name} 不再是形状为 {tuple(reference.shape)} 的权重。")
    return np.asarray(mine.values, dtype=np.float64)


def _layer_problem(name: str, values: np.ndarray, reference: TensorRecord, gain: float, spread: bool) -> T | None:
    bound = xavier_bound(tuple(reference.shape), gain)
    if not np.isfinite(values).all() or float(np.abs(values).max(initial=0.0)) > bound + 1e-6:
        largest = float(np.nanmax(np.abs(values))) if np.isfinite(values).any() else float("nan")
        return T(f"{name}: a value of size {largest:.4g} lies outside ±{bound:.4g} (gain {gain:.4g}).",
                 f"{name}：有一个大小为 {largest:.4g} 的值超出了 ±{bound:.4g}（gain 为 {gain:.4g}）。")
    if spread and values.size >= SPREAD_MIN_VALUES:
        wanted = bound / math.sqrt(3)
        actual = float(values.std())
        if abs(actual / wanted - 1) >= SPREAD_TOLERANCE:
            return T(f"{name}: standard deviation {actual:.4g}, but Xavier-uniform values with this gain have "
                     f"{wanted:.4g}.",
                     f"{name}：标准差为 {actual:.4g}，而用这个 gain 的 Xavier 均匀分布应当是 {wanted:.4g}。")
    return None


def _xavier(got: Any, expected: Any, spread: bool) -> T | None:
    gain = float(expected["gain"])
    for name, reference in expected["weights"].items():
        values = _values(got, name, reference)
        if isinstance(values, T):
            return values
        problem = _layer_problem(name, values, reference, gain, spread)
        if problem:
            return problem
    return None


def inside_bound(got: Any, expected: Any) -> T | None:
    """Every weight inside ±gain * sqrt(6 / (fan_in + fan_out))."""
    return _xavier(got, expected, spread=False)


def xavier_uniform(got: Any, expected: Any) -> T | None:
    """Inside the bound, and spread over it like a uniform draw (large layers only)."""
    return _xavier(got, expected, spread=True)


def with_exact(rule):
    """A rule for evidence with weights (judged by `rule`) and an "exact" part compared for equality."""

    def judged(got: Any, expected: Any) -> T | None:
        problem = rule(got, expected)
        if problem is None and "exact" in expected:
            mine = got.get("exact") if isinstance(got, dict) else None
            problem = first_difference(mine, expected["exact"], atol=1e-6, rtol=0.0, path="exact")
        return problem

    return judged


def zero_biases(model):
    """The biases themselves: the reference's are all zeros, so the judge compares them value by value."""
    return {
        f"{name}.bias after init_weights (should be all zeros)": module.bias.detach()
        for name, module in weighted_layers(model) if module.bias is not None
    }


@suite.case("the notes' network (fc1, fc2, fc3, out) initialises without an error",
            "笔记中的网络（fc1、fc2、fc3、out）初始化时不报错", hint=FAN_ERROR)
def runs(m):
    model = notes_generator()
    m.init_weights(model)
    return [list(p.shape) for p in model.parameters()]


@suite.case("every weight of the notes' network lies inside ±sqrt(6 / (fan_in + fan_out))",
            "笔记中网络的每个 weight 都在 ±sqrt(6 / (fan_in + fan_out)) 之内", hint=BOUND, rule=inside_bound)
def notes_bound(m):
    model = notes_generator()
    m.init_weights(model)
    return weights(model)


@suite.case("every bias of the notes' network is zero", "笔记中网络的每个 bias 都是 0", hint=ZERO_BIAS)
def notes_bias(m):
    model = notes_generator()
    m.init_weights(model)
    return zero_biases(model)


@suite.case("the weights fill the Xavier range: standard deviation close to a / sqrt(3)",
            "权重铺满 Xavier 范围：标准差接近 a / sqrt(3)", hint=SPREAD, rule=xavier_uniform)
def notes_spread(m):
    model = notes_generator()
    m.init_weights(model)
    return weights(model)


@suite.case("Conv2d layers: fan_in = in_channels * 5 * 5, weights inside the bound, zero biases",
            "Conv2d 层：fan_in = in_channels * 5 * 5，weight 在范围内，bias 为 0",
            hint=T("Handle every convolution like nn.Linear: isinstance(module, (nn.Linear, nn.Conv1d, nn.Conv2d, "
                   "nn.Conv3d)). xavier_uniform_ computes the fans of a conv weight (out, in, k, k) itself.",
                   "像处理 nn.Linear 一样处理每种卷积层：isinstance(module, (nn.Linear, nn.Conv1d, nn.Conv2d, "
                   "nn.Conv3d))。xavier_uniform_ 会自己算出卷积权重 (out, in, k, k) 的 fan。"),
            rule=with_exact(xavier_uniform))
def conv_layers(m):
    model = nn.Sequential(nn.Conv2d(3, 32, 5, padding=2), nn.MaxPool2d(2), nn.Conv2d(32, 32, 5, padding=2))
    m.init_weights(model)
    return {**weights(model), "exact": zero_biases(model)}


@suite.case("Conv1d and Conv3d layers are convolutions too: Xavier weights, zero biases",
            "Conv1d 和 Conv3d 也是卷积层：Xavier 权重，bias 为 0",
            hint=T("The statement asks for nn.Conv1d, nn.Conv2d and nn.Conv3d: isinstance(module, (nn.Linear, "
                   "nn.Conv1d, nn.Conv2d, nn.Conv3d)), or every subclass of nn.modules.conv._ConvNd.",
                   "题目要求处理 nn.Conv1d、nn.Conv2d 和 nn.Conv3d：isinstance(module, (nn.Linear, nn.Conv1d, "
                   "nn.Conv2d, nn.Conv3d))。"),
            rule=with_exact(xavier_uniform))
def conv_1d_3d(m):
    model = nn.Sequential(nn.Conv1d(16, 32, 5), nn.ReLU(), nn.Conv3d(8, 8, 3), nn.ReLU(), nn.Conv1d(4, 2, 3))
    m.init_weights(model)
    return {**weights(model), "exact": zero_biases(model)}


@suite.case("gain = calculate_gain('tanh') = 5/3 widens the range", "gain = calculate_gain('tanh') = 5/3 会放大范围",
            hint=T("Pass the gain on: nn.init.xavier_uniform_(module.weight, gain=gain).",
                   "把 gain 传下去：nn.init.xavier_uniform_(module.weight, gain=gain)。"), rule=xavier_uniform)
def with_gain(m):
    gain = nn.init.calculate_gain("tanh")
    model = nn.Sequential(nn.Linear(64, 128), nn.Tanh(), nn.Linear(128, 32))
    m.init_weights(model, gain=gain)
    return weights(model, gain)


@suite.case("other layers are left alone: BatchNorm keeps weight 1 and bias 0",
            "其他层保持不变：BatchNorm 的 weight 仍为 1，bias 仍为 0",
            hint=T("Select layers by type, not parameters by shape: a BatchNorm weight is 1-D like a bias, but it "
                   "must stay 1, or the layer multiplies everything by 0.",
                   "按层的类型挑选，而不是按参数的形状：BatchNorm 的 weight 和 bias 一样是一维的，但它必须保持为 1，"
                   "否则这一层会把所有值乘以 0。"))
def leaves_batchnorm(m):
    model = nn.Sequential(nn.Conv2d(3, 8, 3), nn.BatchNorm2d(8), nn.ReLU(), nn.Flatten(), nn.Linear(8 * 6 * 6, 10))
    m.init_weights(model)
    norm = model[1]
    return {
        "BatchNorm weight after init_weights (should still be all ones)": norm.weight.detach(),
        "BatchNorm bias after init_weights (should still be all zeros)": norm.bias.detach(),
        **zero_biases(model),
    }


@suite.case("layers built with bias=False are fine", "用 bias=False 创建的层也没问题",
            hint=T("module.bias is None when a layer has no bias: skip it.",
                   "层没有 bias 时 module.bias 是 None：跳过它。"), rule=with_exact(inside_bound))
def without_bias(m):
    model = nn.Sequential(nn.Linear(40, 30, bias=False), nn.ReLU(), nn.Linear(30, 50))
    m.init_weights(model)
    return {**weights(model), "exact": {"the layer without bias still has none": model[0].bias is None}}


@suite.case("layers nested inside containers are initialised too", "嵌套在容器里的层也会被初始化",
            hint=T("model.children() only lists the top level; model.modules() walks every layer at every depth.",
                   "model.children() 只列出最外一层；model.modules() 会遍历所有深度的每一层。"),
            rule=with_exact(inside_bound))
def nested(m):
    Module: Any = nn.Module  # a lazy module's attribute: typed so that it can be a base class

    class Block(Module):
        def __init__(self):
            super().__init__()
            self.inner = nn.Sequential(nn.Linear(20, 20), nn.ReLU())

        def forward(self, x):
            return self.inner(x)

    model = nn.Sequential(nn.Linear(10, 20), Block(), nn.Sequential(Block(), nn.Linear(20, 5)))
    m.init_weights(model)
    return {**weights(model), "exact": zero_biases(model)}


@suite.case("parameters change in place: an optimizer made earlier still holds them",
            "参数被原地修改：之前创建的优化器仍然持有它们",
            hint=T("Fill the existing tensors (nn.init.*_ functions end in _ because they work in place); do not "
                   "assign module.weight = nn.Parameter(...).",
                   "填充已有的张量（nn.init.*_ 函数以 _ 结尾，表示原地操作）；不要赋值 module.weight = nn.Parameter(...)。"))
def in_place(m):
    model = notes_generator()
    before = list(model.parameters())
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    m.init_weights(model)
    after = list(model.parameters())
    held = optimizer.param_groups[0]["params"]
    return {
        "same parameter objects after init": [a is b for a, b in zip(before, after)] + [len(after)],
        "optimizer holds the model's parameters": [a is b for a, b in zip(held, after)] + [len(held)],
        "parameters that still require grad": [p.requires_grad for p in after],
    }


@suite.case("works on a model on another device (meta)", "对其他设备（meta）上的模型也有效",
            hint=T("Let nn.init fill the tensors where they are; do not build new tensors on the CPU.",
                   "让 nn.init 在张量所在的位置填充它们；不要在 CPU 上新建张量。"))
def meta_device(m):
    model = notes_generator().to("meta")
    m.init_weights(model)
    return {"parameter devices": [str(p.device) for p in model.parameters()]}
