"""Checks for exercises/06_layers/batchnorm_manual.py.

Each training case returns the output and the new running statistics as raw
tensors; diagnoses replay the usual slips (biased running variance, unbiased
normalisation, momentum the wrong way round) from the reference's numbers.
"""

from __future__ import annotations

import numpy as np

from grader.checks import Suite, T, TensorRecord, lazy

torch = lazy("torch")

suite = Suite("batchnorm_manual", names=("batch_norm_train", "batch_norm_eval"))
suite.forbid(
    ["torch.nn.functional.batch_norm", "torch.batch_norm", "torch.native_batch_norm", "torch.nn.BatchNorm1d",
     "torch.nn.BatchNorm2d", "torch.nn.BatchNorm3d", "torch.nn.LazyBatchNorm1d", "torch.nn.LazyBatchNorm2d",
     "torch.nn.SyncBatchNorm", "torch.nn.modules.batchnorm", "torch.nn.functional.instance_norm",
     "torch.instance_norm", "torch.ops", "torch._C"],
    T("This exercise is the batch-norm arithmetic itself: F.batch_norm and the nn.BatchNorm layers compute it for "
      "you. Use mean, var (or sums), sqrt and broadcasting.",
      "这道题要练的就是批归一化的计算本身：F.batch_norm 和 nn.BatchNorm 各层会替你算好。"
      "请用 mean、var（或求和）、sqrt 和广播来实现。"),
)

ONE_VALUE = T(
    "With one value per channel (N * H * W = 1) the unbiased variance divides by 0: raise ValueError, as "
    "nn.BatchNorm2d does in training mode.",
    "每个通道只有一个值（N * H * W = 1）时，无偏方差要除以 0：要像训练模式下的 nn.BatchNorm2d 一样抛出 ValueError。",
)
UNBIASED_RUNNING = T(
    "The running variance takes the UNBIASED batch variance: var * n / (n - 1) (x.var(dim, unbiased=True)), "
    "while the output is normalised with the biased one.",
    "running_var 用的是这一批的无偏方差：var * n / (n - 1)（x.var(dim, unbiased=True)），"
    "而输出用有偏方差来归一化。",
)
BIASED_OUTPUT = T(
    "The output is normalised with the BIASED variance (divide by n: x.var(dim, unbiased=False)); the unbiased one "
    "is only for running_var.",
    "输出要用有偏方差来归一化（除以 n：x.var(dim, unbiased=False)）；无偏方差只用于 running_var。",
)
MOMENTUM_WAY = T(
    "Momentum weighs the NEW batch: running = (1 - momentum) * running + momentum * batch_statistic "
    "(PyTorch's convention, the opposite of an optimizer's momentum).",
    "momentum 是新一批数据的权重：running = (1 - momentum) * running + momentum * 这一批的统计量"
    "（这是 PyTorch 的约定，与优化器中的 momentum 正好相反）。",
)
EVERY_DIMENSION = T(
    "A channel's statistics use every dimension except 1 (N, H and W): dims = [d for d in range(x.dim()) if d != 1], "
    "then shape the (C,) results as (1, C, 1, 1) to broadcast.",
    "一个通道的统计量要用到除第 1 维以外的所有维度（N、H 和 W）：dims = [d for d in range(x.dim()) if d != 1]，"
    "再把 (C,) 的结果变成 (1, C, 1, 1) 以便广播。",
)
UNCHANGED_INPUTS = T(
    "Return new running statistics and leave the tensors you were given as they were: no in-place updates "
    "(running_mean.mul_(...), running_var[:] = ...).",
    "返回新的 running 统计量，传入的张量保持原样：不要原地更新（running_mean.mul_(...)、running_var[:] = ...）。",
)


def values(record) -> np.ndarray | None:
    return record.values.astype(np.float64) if isinstance(record, TensorRecord) and record.values is not None else None


def values_of(result: dict, keys: tuple[str, ...]) -> dict[str, np.ndarray] | None:
    """Each key's tensor as float64 values; None if one of them is not a tensor with values."""
    found = {}
    for key in keys:
        array = values(result.get(key))
        if array is None:
            return None
        found[key] = array
    return found


def notes_mistake(momentum: float, start_mean: float, start_var: float, n: int):
    """A diagnose for a training case that starts from scalar running statistics and weight 1, bias 0."""

    def diagnose(got, expected) -> T | None:
        if not isinstance(got, dict) or not isinstance(expected, dict):
            return None
        keys = ("output", "running_mean", "running_var")
        mine, theirs = values_of(got, keys), values_of(expected, keys)
        if mine is None or theirs is None:
            return None
        if any(mine[k].shape != theirs[k].shape for k in mine):
            return None
        keep = 1 - momentum
        batch_var = (theirs["running_var"] - keep * start_var) / momentum  # unbiased
        if np.allclose(mine["running_var"], keep * start_var + momentum * batch_var * (n - 1) / n, rtol=1e-4):
            return UNBIASED_RUNNING
        batch_mean = (theirs["running_mean"] - keep * start_mean) / momentum
        if np.allclose(mine["running_mean"], momentum * start_mean + keep * batch_mean, rtol=1e-4, atol=1e-6):
            return MOMENTUM_WAY
        if np.allclose(mine["output"], theirs["output"] * np.sqrt((n - 1) / n), rtol=1e-3, atol=1e-4):
            return BIASED_OUTPUT
        return None

    return diagnose


def train_result(m, x, running_mean, running_var, weight, bias, **options):
    y, new_mean, new_var = m.batch_norm_train(x, running_mean, running_var, weight, bias, **options)
    return {"output": y, "running_mean": new_mean, "running_var": new_var}


def channels(c: int, *, learned: bool):
    """running_mean, running_var, weight, bias for c channels: the layer's start values, or seeded ones."""
    if not learned:
        return torch.zeros(c), torch.ones(c), torch.ones(c), torch.zeros(c)
    return torch.randn(c), torch.rand(c) + 0.5, torch.randn(c), torch.randn(c)


@suite.case("a fresh BatchNorm2d(3) on a (4, 3, 5, 5) batch: output and running statistics",
            "新建的 BatchNorm2d(3) 处理 (4, 3, 5, 5) 的一批：输出和 running 统计量",
            diagnose=notes_mistake(0.1, 0.0, 1.0, 100), hint=EVERY_DIMENSION)
def fresh_layer(m):
    return train_result(m, torch.randn(4, 3, 5, 5) * 2 + 1, *channels(3, learned=False))


@suite.case("learned weight and bias, earlier statistics, momentum 0.3", "学到的 weight 和 bias、已有的统计量、momentum=0.3",
            hint=MOMENTUM_WAY)
def learned_layer(m):
    return train_result(m, torch.randn(6, 4, 3, 2), *channels(4, learned=True), momentum=0.3)


@suite.case("a 2-D (N, C) input, as BatchNorm1d takes it", "二维的 (N, C) 输入，即 BatchNorm1d 接收的形式",
            hint=EVERY_DIMENSION)
def two_dimensional(m):
    return train_result(m, torch.randn(16, 5) * 3, *channels(5, learned=True))


@suite.case("momentum 0 keeps the running statistics", "momentum=0 时 running 统计量保持不变", hint=MOMENTUM_WAY)
def momentum_zero(m):
    return train_result(m, torch.randn(3, 2, 4, 4), *channels(2, learned=True), momentum=0.0)


@suite.case("momentum 1 replaces them by the batch's (unbiased variance)", "momentum=1 时用这一批的统计量（无偏方差）替换它们",
            hint=UNBIASED_RUNNING)
def momentum_one(m):
    return train_result(m, torch.randn(3, 2, 4, 4), *channels(2, learned=True), momentum=1.0)


@suite.case("the smallest batch that trains: two values per channel, (2, 3)", "能训练的最小批次：每个通道两个值，(2, 3)",
            hint=UNBIASED_RUNNING)
def two_values(m):
    return train_result(m, torch.randn(2, 3), *channels(3, learned=False))


@suite.case("one value per channel, (1, 3), raises ValueError", "每个通道一个值的 (1, 3) 抛出 ValueError", hint=ONE_VALUE)
def one_value_2d(m):
    return train_result(m, torch.randn(1, 3), *channels(3, learned=False))


@suite.case("one value per channel, (1, 2, 1, 1), raises ValueError", "每个通道一个值的 (1, 2, 1, 1) 抛出 ValueError",
            hint=ONE_VALUE)
def one_value_4d(m):
    return train_result(m, torch.randn(1, 2, 1, 1), *channels(2, learned=False))


@suite.case("the tensors passed in are left unchanged", "传入的张量保持不变", hint=UNCHANGED_INPUTS)
def inputs_unchanged(m):
    x = torch.randn(4, 2, 3, 3)
    running_mean, running_var, weight, bias = channels(2, learned=True)
    m.batch_norm_train(x, running_mean, running_var, weight, bias, momentum=0.5)
    return {"x after the call": x, "running_mean after the call": running_mean,
            "running_var after the call": running_var, "weight after the call": weight, "bias after the call": bias}


@suite.case("a constant channel: variance 0, eps keeps the division finite (eps=1e-3)",
            "常数通道：方差为 0，eps 让除法保持有限（eps=1e-3）",
            hint=T("Add eps inside the square root: sqrt(var + eps).", "eps 加在平方根里面：sqrt(var + eps)。"))
def constant_channel(m):
    x = torch.randn(5, 2, 2, 2) * 0.01  # channel 0: a variance far below 1, where eps matters
    x[:, 1] = 3.0
    return train_result(m, x, *channels(2, learned=True), eps=1e-3)


@suite.case("gradients flow from y to x, weight and bias", "梯度从 y 传回 x、weight 和 bias",
            hint=T("Compute y from x, weight and bias with torch operations only (no .detach(), no .item()).",
                   "只用 torch 运算从 x、weight 和 bias 算出 y（不要 .detach()，不要 .item()）。"))
def gradients(m):
    x = torch.randn(3, 2, 2, 3, requires_grad=True)
    _, running_var, _, _ = channels(2, learned=False)
    weight = torch.randn(2, requires_grad=True)
    bias = torch.randn(2, requires_grad=True)
    y, _, _ = m.batch_norm_train(x, torch.zeros(2), running_var, weight, bias)
    (y * torch.randn(y.shape)).sum().backward()
    return {"x.grad": x.grad, "weight.grad": weight.grad, "bias.grad": bias.grad}


@suite.case("eval mode uses the running statistics", "评估模式使用 running 统计量",
            hint=T("In eval mode the batch's own mean and variance play no part: use running_mean and running_var.",
                   "评估模式下这一批自己的平均值和方差不起作用：使用 running_mean 和 running_var。"))
def eval_mode(m):
    return m.batch_norm_eval(torch.randn(4, 3, 2, 2), *channels(3, learned=True))


@suite.case("eval mode works on a single sample with one value per channel, (1, 3)",
            "评估模式下单个样本、每个通道一个值的 (1, 3) 也可以", hint=T(
                "Only training needs more than one value per channel; eval mode never raises for it.",
                "只有训练才需要每个通道多于一个值；评估模式下不会因此报错。"))
def eval_single(m):
    return m.batch_norm_eval(torch.randn(1, 3), *channels(3, learned=True))


@suite.case("five training steps, then eval on a new batch", "训练五步，再在新的一批上评估", points=2)
def several_steps(m):
    running_mean, running_var, weight, bias = channels(3, learned=False)
    for _ in range(5):
        _, running_mean, running_var = m.batch_norm_train(torch.randn(8, 3, 4, 4) * 2 - 1, running_mean, running_var,
                                                         weight, bias)
    return {"running_mean": running_mean, "running_var": running_var,
            "eval output": m.batch_norm_eval(torch.randn(2, 3, 4, 4), running_mean, running_var, weight, bias)}
