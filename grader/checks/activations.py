"""Checks for exercises/06_layers/activations.py."""

from __future__ import annotations

import numpy as np

from grader.checks import TORCH_AND_DYNAMO, Suite, T, TensorRecord, lazy

torch = lazy("torch")

NEEDS = TORCH_AND_DYNAMO

suite = Suite("activations", names=("relu", "sigmoid", "tanh", "softplus"), needs=NEEDS)
suite.forbid(
    ["torch.relu", "torch.relu_", "torch.sigmoid", "torch.tanh", "torch.nn.functional.relu",
     "torch.nn.functional.relu_", "torch.nn.functional.sigmoid", "torch.nn.functional.tanh",
     "torch.nn.functional.softplus", "torch.nn.ReLU", "torch.nn.Sigmoid", "torch.nn.Tanh", "torch.nn.Softplus",
     "torch.special.expit", "torch.special.logit", "torch.nn.functional.logsigmoid", "torch.nn.LogSigmoid",
     "torch.nn.modules.activation", "torch.Tensor.relu", "torch.Tensor.relu_", "torch.Tensor.sigmoid",
     "torch.Tensor.sigmoid_", "torch.Tensor.tanh", "torch.Tensor.tanh_", "torch.ops"],
    T("This exercise is the formulas themselves: torch.relu, torch.sigmoid, torch.tanh, F.softplus (and the "
      "same functions as nn modules or tensor methods such as x.sigmoid()) compute them for you. Use elementary "
      "operations: torch.exp, torch.log1p, torch.where, comparisons and arithmetic.",
      "这道题要练的就是公式本身：torch.relu、torch.sigmoid、torch.tanh、F.softplus（以及对应的 nn 模块和"
      " x.sigmoid() 这样的张量方法）会替你算好。请用基本运算：torch.exp、torch.log1p、torch.where、比较和四则运算。"),
    inside=("relu", "sigmoid", "tanh", "softplus"),
)

#: large inputs on both sides of the float32 overflow point of exp (88.7)
LARGE = (-1000.0, -100.0, -30.0, 30.0, 100.0, 1000.0)

SIGMOID_OVERFLOW = T(
    "exp overflowed: in float32, exp(t) is inf once t > 88.7. 1 / (1 + exp(-x)) still gives 0 at x = -100, "
    "but its gradient is inf / inf = nan; exp(x) / (1 + exp(x)) is nan already in the value at x = 100. "
    "torch.where(x >= 0, one formula, the other) does not fix it on its own: the branch it drops is still "
    "differentiated, and 0 * inf = nan. Compute z = exp(-|x|), which lies in (0, 1], then use 1 / (1 + z) "
    "for x >= 0 and z / (1 + z) for x < 0.",
    "exp 溢出了：float32 中 t > 88.7 时 exp(t) 就是 inf。1 / (1 + exp(-x)) 在 x = -100 处的值仍是 0，"
    "但它的梯度是 inf / inf = nan；exp(x) / (1 + exp(x)) 在 x = 100 处连数值都是 nan。"
    "只用 torch.where(x >= 0, 一个公式, 另一个公式) 并不能解决：被丢掉的那个分支照样参与求导，"
    "而 0 * inf = nan。请先算 z = exp(-|x|)（它在 (0, 1] 之内），x >= 0 时用 1 / (1 + z)，"
    "x < 0 时用 z / (1 + z)。",
)
TANH_OVERFLOW = T(
    "exp overflowed: in float32, exp(t) is inf once t > 88.7, and inf / inf or 0 * inf is nan, in the value or "
    "only in the gradient. The textbook (exp(x) - exp(-x)) / (exp(x) + exp(-x)) is nan at x = 100 and x = -100; "
    "a tanh built on an overflowing sigmoid inherits its nan gradients. Use e = exp(-2|x|), which lies in "
    "(0, 1]: tanh(|x|) = (1 - e) / (1 + e), then give the result the sign of x.",
    "exp 溢出了：float32 中 t > 88.7 时 exp(t) 就是 inf，而 inf / inf 或 0 * inf 都是 nan，可能出现在数值里，"
    "也可能只出现在梯度里。课本公式 (exp(x) - exp(-x)) / (exp(x) + exp(-x)) 在 x = 100 和 x = -100 处是 nan；"
    "建立在会溢出的 sigmoid 之上的 tanh 也会继承它的 nan 梯度。请用 e = exp(-2|x|)（它在 (0, 1] 之内）："
    "tanh(|x|) = (1 - e) / (1 + e)，再把 x 的符号加回去。",
)
SOFTPLUS_OVERFLOW = T(
    "exp overflowed: in float32, exp(t) is inf once t > 88.7, so log(1 + exp(x)) is log(inf) = inf at "
    "x = 100, and its gradient exp(x) / (1 + exp(x)) is inf / inf = nan. Rewrite it as "
    "softplus(x) = max(x, 0) + log1p(exp(-|x|)): exp then only sees numbers <= 0.",
    "exp 溢出了：float32 中 t > 88.7 时 exp(t) 就是 inf，所以 log(1 + exp(x)) 在 x = 100 处是 "
    "log(inf) = inf，它的梯度 exp(x) / (1 + exp(x)) 是 inf / inf = nan。请改写成 "
    "softplus(x) = max(x, 0) + log1p(exp(-|x|))：这样 exp 只会接收 <= 0 的数。",
)
SOFTPLUS_DROPPED_BRANCH = T(
    "Your softplus values are right; only the gradient is nan. A threshold like PyTorch's, torch.where(x > 20, x, "
    "log1p(exp(x))), picks the right value, but torch.where still differentiates the branch it drops: at x = 100 "
    "the slope of log1p(exp(x)) is inf / inf = nan, and 0 * nan = nan. Feed the dropped branch safe inputs "
    "(exp(torch.clamp(x, max=20))), or use max(x, 0) + log1p(exp(-|x|)), which has no branch to drop.",
    "你的 softplus 数值是对的，只有梯度是 nan。像 PyTorch 那样设阈值，torch.where(x > 20, x, log1p(exp(x)))，"
    "取到的数值没错，但 torch.where 仍会对被丢掉的分支求导：在 x = 100 处 log1p(exp(x)) 的斜率是 inf / inf = nan，"
    "而 0 * nan = nan。请让被丢掉的分支也只接收安全的输入（exp(torch.clamp(x, max=20))），或者用 "
    "max(x, 0) + log1p(exp(-|x|))，它根本没有需要丢掉的分支。",
)
ZERO_SLOPE = T(
    "The slope at exactly x = 0 is wrong. x.abs() has gradient 0 at x = 0 (PyTorch takes sign(0) = 0), and "
    "relu/clamp treat 0 as not positive, so a formula built on them can lose part of its slope right there. "
    "Build |x| as torch.where(x >= 0, x, -x) and the positive part as torch.where(x >= 0, x, 0): both have "
    "slope 1 at 0.",
    "恰好在 x = 0 处的斜率不对。x.abs() 在 x = 0 处的梯度是 0（PyTorch 取 sign(0) = 0），relu/clamp 也不把 0 "
    "当作正数，所以用它们搭出来的公式可能恰好在这一点丢掉一部分斜率。请用 torch.where(x >= 0, x, -x) 表示 |x|，"
    "用 torch.where(x >= 0, x, 0) 表示正数部分：它们在 0 处的斜率都是 1。",
)
SAME_KIND = T(
    "Build constants from the input: torch.zeros_like(x), or plain Python numbers. torch.tensor(0.0) or "
    "torch.zeros(x.shape) are float32 tensors on the CPU, whatever x is.",
    "常数要从输入构造：用 torch.zeros_like(x)，或者直接用 Python 数字。torch.tensor(0.0) 或 torch.zeros(x.shape) "
    "不管 x 是什么，都是 CPU 上的 float32 张量。",
)


def _records(value):
    """Every tensor record in a returned value, with its gradient, in order."""
    if isinstance(value, TensorRecord):
        yield value
        if value.grad is not None:
            yield value.grad
    elif isinstance(value, dict):
        for item in value.values():
            yield from _records(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _records(item)


def not_finite(advice: T):
    """Name the overflow when the learner has inf/nan where the reference is finite."""

    def diagnose(got, expected):
        for mine, theirs in zip(_records(got), _records(expected)):
            if mine.values is None or theirs.values is None or mine.values.shape != theirs.values.shape:
                continue
            if mine.values.dtype.kind != "f":
                continue
            if (~np.isfinite(mine.values) & np.isfinite(theirs.values)).any():
                return advice
        return None

    return diagnose


def _overflows(mine: object, theirs: object) -> bool:
    """inf/nan in the learner's record where the reference's is finite."""
    if not isinstance(mine, TensorRecord) or not isinstance(theirs, TensorRecord):
        return False
    a, b = mine.values, theirs.values
    if a is None or b is None or a.shape != b.shape or a.dtype.kind != "f":
        return False
    return bool((~np.isfinite(a) & np.isfinite(b)).any())


def softplus_not_finite(got, expected):
    """Overflow in the value itself, or a nan gradient under right values: the dropped branch of a threshold."""
    if not isinstance(got, dict) or not isinstance(expected, dict):
        return None
    value_name = "softplus(x)"
    if _overflows(got.get(value_name), expected.get(value_name)):
        return SOFTPLUS_OVERFLOW
    mine_x, their_x = got.get("x"), expected.get("x")
    if isinstance(mine_x, TensorRecord) and isinstance(their_x, TensorRecord) and _overflows(mine_x.grad, their_x.grad):
        return SOFTPLUS_DROPPED_BRANCH
    return None


def relu_at_zero(got, expected):
    x = got.get("x") if isinstance(got, dict) else None
    grad = x.grad if isinstance(x, TensorRecord) else None
    if grad is None or grad.values is None or grad.values.shape != (3,):
        return None
    slope = float(grad.values[1])
    if slope == 1.0:
        return T("Your relu has slope 1 at x = 0: a test like x >= 0 counts 0 as positive. torch.relu uses "
                 "slope 0 there: keep values where x > 0.",
                 "你的 relu 在 x = 0 处的斜率是 1：像 x >= 0 这样的判断把 0 当成了正数。torch.relu 在这里的斜率是 0："
                 "请保留 x > 0 的值。")
    if slope == 0.5:
        return T("torch.maximum(x, 0) splits the gradient between its two equal arguments at x = 0, giving 0.5; "
                 "torch.relu gives 0. Use torch.where(x > 0, x, torch.zeros_like(x)).",
                 "在 x = 0 处 torch.maximum(x, 0) 的两个参数相等，梯度被平分，得到 0.5；torch.relu 给出的是 0。"
                 "请用 torch.where(x > 0, x, torch.zeros_like(x))。")
    return None


def only_middle_differs(got, expected) -> bool:
    """True when some slope is wrong at x = 0 (index 1) and right at -2 and 2."""
    wrong_at_zero = False
    for name, theirs in expected.items():
        mine = got.get(name) if isinstance(got, dict) else None
        if not isinstance(mine, TensorRecord) or mine.grad is None or theirs.grad is None:
            return False
        a, b = mine.grad.values, theirs.grad.values
        if a is None or b is None or a.shape != (3,) or b.shape != (3,):
            return False
        close = np.isclose(a, b, atol=1e-5, rtol=1e-4)
        if not (close[0] and close[2]):
            return False
        wrong_at_zero |= not close[1]
    return wrong_at_zero


def with_grad(function, name: str, values):
    """Call `function` on a fresh leaf and backpropagate the sum: x.grad is the slope at each point."""
    x = values.clone().requires_grad_(True)
    y = function(x)
    y.sum().backward()
    return {f"{name}(x)": y, "x": x}


@suite.case("relu on the notes' [[1, -0.5], [-1, 3]]", "relu 作用在笔记中的 [[1, -0.5], [-1, 3]] 上",
            hint=T("Keep x where x > 0, else 0: torch.where(x > 0, x, torch.zeros_like(x)).",
                   "x > 0 的位置保留 x，其余为 0：torch.where(x > 0, x, torch.zeros_like(x))。"))
def relu_notes(m):
    return m.relu(torch.tensor([[1.0, -0.5], [-1.0, 3.0]]))


@suite.case("relu's values and gradient on a random (4, 5) tensor", "relu 在随机 (4, 5) 张量上的数值和梯度",
            hint=T("Use tensor operations only, no .item() or Python loops: autograd must see every step.",
                   "只用张量运算，不要用 .item() 或 Python 循环：autograd 必须看到每一步。"))
def relu_random(m):
    return with_grad(m.relu, "relu", torch.randn(4, 5))


@suite.case("relu's gradient at exactly 0 is 0, as torch.relu's", "relu 在恰好为 0 处的梯度是 0，与 torch.relu 一致",
            diagnose=relu_at_zero,
            hint=T("torch.relu's slope is 0 for x <= 0 and 1 for x > 0.", "torch.relu 在 x <= 0 时斜率为 0，x > 0 时为 1。"))
def relu_zero(m):
    return with_grad(m.relu, "relu", torch.tensor([-1.0, 0.0, 2.0]))


@suite.case("sigmoid on the notes' torch.linspace(-6, 6, 100), with gradients",
            "sigmoid 作用在笔记中的 torch.linspace(-6, 6, 100) 上，并检查梯度",
            hint=T("sigmoid(x) = 1 / (1 + exp(-x)); its slope is sigmoid(x) * (1 - sigmoid(x)), autograd finds it.",
                   "sigmoid(x) = 1 / (1 + exp(-x))；它的斜率是 sigmoid(x) * (1 - sigmoid(x))，autograd 会算出来。"))
def sigmoid_range(m):
    return with_grad(m.sigmoid, "sigmoid", torch.linspace(-6, 6, 100))


@suite.case("tanh on torch.linspace(-6, 6, 100), with gradients", "tanh 作用在 torch.linspace(-6, 6, 100) 上，并检查梯度",
            hint=T("tanh(x) = (exp(x) - exp(-x)) / (exp(x) + exp(-x)), between -1 and 1; tanh(0) = 0.",
                   "tanh(x) = (exp(x) - exp(-x)) / (exp(x) + exp(-x))，取值在 -1 和 1 之间；tanh(0) = 0。"))
def tanh_range(m):
    return with_grad(m.tanh, "tanh", torch.linspace(-6, 6, 100))


@suite.case("softplus on torch.linspace(-6, 6, 100), with gradients",
            "softplus 作用在 torch.linspace(-6, 6, 100) 上，并检查梯度",
            hint=T("softplus(x) = log(1 + exp(x)); it is always positive and close to relu(x) far from 0.",
                   "softplus(x) = log(1 + exp(x))；它总是正的，离 0 远时接近 relu(x)。"))
def softplus_range(m):
    return with_grad(m.softplus, "softplus", torch.linspace(-6, 6, 100))


@suite.case("sigmoid at ±30, ±100 and ±1000: finite values and gradients",
            "sigmoid 在 ±30、±100、±1000 处：数值和梯度都是有限的",
            diagnose=not_finite(SIGMOID_OVERFLOW),
            hint=T("Only ever give exp numbers <= 0: exp(-|x|) is always between 0 and 1.",
                   "只让 exp 接收 <= 0 的数：exp(-|x|) 总在 0 和 1 之间。"))
def sigmoid_large(m):
    return with_grad(m.sigmoid, "sigmoid", torch.tensor(LARGE))


@suite.case("tanh at ±30, ±100 and ±1000: finite values and gradients",
            "tanh 在 ±30、±100、±1000 处：数值和梯度都是有限的",
            diagnose=not_finite(TANH_OVERFLOW),
            hint=T("Only ever give exp numbers <= 0: exp(-2|x|) is always between 0 and 1.",
                   "只让 exp 接收 <= 0 的数：exp(-2|x|) 总在 0 和 1 之间。"))
def tanh_large(m):
    return with_grad(m.tanh, "tanh", torch.tensor(LARGE))


@suite.case("softplus at ±30, ±100 and ±1000: finite values and gradients",
            "softplus 在 ±30、±100、±1000 处：数值和梯度都是有限的",
            diagnose=softplus_not_finite,
            hint=T("softplus(x) = max(x, 0) + log1p(exp(-|x|)); softplus(1000) is 1000 and its slope there is 1.",
                   "softplus(x) = max(x, 0) + log1p(exp(-|x|))；softplus(1000) 等于 1000，那里的斜率是 1。"))
def softplus_large(m):
    return with_grad(m.softplus, "softplus", torch.tensor(LARGE))


@suite.case("sigmoid, tanh and softplus have slopes 0.25, 1 and 0.5 at exactly 0",
            "sigmoid、tanh、softplus 在恰好为 0 处的斜率分别是 0.25、1、0.5",
            diagnose=lambda got, expected: ZERO_SLOPE if only_middle_differs(got, expected) else None,
            hint=T("Autograd differentiates your formula as written: compare your slopes with those of torch.sigmoid, "
                   "torch.tanh and F.softplus at -2, 0 and 2.",
                   "autograd 按你写的公式求导：把你在 -2、0、2 处的斜率与 torch.sigmoid、torch.tanh、F.softplus 的对比。"))
def slopes_at_zero(m):
    points = torch.tensor([-2.0, 0.0, 2.0])
    result = {}
    for name in ("sigmoid", "tanh", "softplus"):
        x = points.clone().requires_grad_(True)
        getattr(m, name)(x).sum().backward()
        result[name] = x
    return result


@suite.case("float64 inputs stay float64 and a (2, 3, 4) shape is kept", "float64 输入保持 float64，(2, 3, 4) 的形状保持不变",
            hint=SAME_KIND)
def double_precision(m):
    x = torch.randn(2, 3, 4, dtype=torch.float64) * 5
    return [m.relu(x), m.sigmoid(x), m.tanh(x), m.softplus(x)]


@suite.case("all four run on another device (meta)", "四个函数都能在其他设备（meta）上运行", hint=SAME_KIND)
def meta_device(m):
    x = torch.empty(3, 4, device="meta")
    return [m.relu(x), m.sigmoid(x), m.tanh(x), m.softplus(x)]
