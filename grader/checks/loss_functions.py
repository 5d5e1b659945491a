"""Checks for exercises/08_training/loss_functions.py."""

from __future__ import annotations

from typing import Any

import numpy as np

from grader.checks import (
    TORCH_AND_DYNAMO,
    Suite,
    T,
    close,
    first_of,
    lazy,
    load_reference_weights,
    meta_or_skipped,
    number,
    on_meta,
    summed,
)
from grader.checks.diagnosis import loss_of

torch = lazy("torch")
nn = lazy("torch.nn")
F = lazy("torch.nn.functional")

suite = Suite("loss_functions", names=("mse", "regression_loss", "cross_entropy", "loss_for_batch"),
              needs=TORCH_AND_DYNAMO)
suite.forbid(
    ["torch.nn.functional.mse_loss", "torch.nn.MSELoss", "torch.nn.modules.loss"],
    T("mse and regression_loss are the formula itself: F.mse_loss and nn.MSELoss compute it for you "
      "(and hide the broadcasting trap this exercise is about). Write the mean of (pred - target) ** 2.",
      "mse 和 regression_loss 要练的就是公式本身：F.mse_loss 和 nn.MSELoss 会替你算好（也会掩盖本题要讲的"
      "广播陷阱）。请写出 (pred - target) ** 2 的平均值。"),
    inside=("mse", "regression_loss"),
)
suite.forbid(
    ["torch.nn.functional.cross_entropy", "torch.nn.functional.log_softmax", "torch.nn.functional.nll_loss",
     "torch.log_softmax", "torch.nn.CrossEntropyLoss", "torch.nn.LogSoftmax", "torch.nn.NLLLoss",
     "torch.special.log_softmax", "torch.Tensor.log_softmax", "torch.nn.modules.loss", "torch.ops"],
    T("cross_entropy is the formula itself: F.cross_entropy, F.log_softmax, F.nll_loss and nn.CrossEntropyLoss "
      "compute it for you. Write the stable log-softmax by hand (max, exp, sum, log) and pick each row's target "
      "(gather or indexing). loss_for_batch, on the other hand, should use nn.CrossEntropyLoss.",
      "cross_entropy 要练的就是公式本身：F.cross_entropy、F.log_softmax、F.nll_loss 和 nn.CrossEntropyLoss "
      "会替你算好。请亲手写出数值稳定的 log-softmax（max、exp、sum、log），再取出每行目标类别那一项（gather 或索引）。"
      "而 loss_for_batch 就应该用 nn.CrossEntropyLoss。"),
    inside=("cross_entropy",),
)

# The notes' study-hours table: hours studied and the exam score.
HOURS = [0.50, 0.75, 1.00, 1.25, 1.50, 1.75, 1.75, 2.00, 2.25, 2.50,
         2.75, 3.00, 3.25, 3.50, 4.00, 4.25, 4.50, 4.75, 5.00, 5.50]
SCORES = [10, 22, 13, 43, 20, 22, 33, 50, 62, 48, 55, 75, 62, 73, 81, 76, 64, 82, 90, 93]

BROADCAST_KEY = "what (N, 1) against (N,) broadcasting gives"
SOFTMAX_KEY = "what softmax before the loss gives"


# ---- helpers that run in the probe ---------------------------------------------------


def mnist_net(seed: int):
    """The notes' MNIST CNN: two 5x5 convolutions with pooling, then Linear(320, 10), no softmax."""

    Module: Any = nn.Module  # a lazy module's attribute: typed so that it can be a base class

    class Net(Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 10, kernel_size=5)
            self.conv2 = nn.Conv2d(10, 20, kernel_size=5)
            self.pooling = nn.MaxPool2d(2)
            self.fc = nn.Linear(320, 10)

        def forward(self, x):
            x = torch.relu(self.pooling(self.conv1(x)))
            x = torch.relu(self.pooling(self.conv2(x)))
            return self.fc(x.reshape(x.shape[0], -1))

    model = Net()
    load_reference_weights(model, seed=seed)
    return model


def mnist_batch(samples: int):
    """Normalised-looking 28x28 images and their digits (int64)."""
    images = torch.randn(samples, 1, 28, 28)
    labels = torch.randint(0, 10, (samples,))
    return images, labels


def softmax_first(model, images, labels) -> float:
    """The loss a learner gets by applying softmax before CrossEntropyLoss."""
    with torch.no_grad():
        return float(F.cross_entropy(torch.softmax(model(images), dim=1), labels.reshape(-1).long()))


# ---- diagnoses that run in the judge ---------------------------------------------------


def broadcast_mistake(got, expected):
    if isinstance(got, dict) and close(loss_of(got), number(got.get(BROADCAST_KEY))):
        return T("Your loss is what nn.MSELoss gives for a (N, 1) prediction against an (N,) target: pred - target "
                 "broadcast to an (N, N) table of every prediction against every target, and the mean was taken over "
                 "that table. Bring both to (N,) first: pred.reshape(-1) and target.reshape(-1).",
                 "你的损失等于 nn.MSELoss 拿 (N, 1) 的预测和 (N,) 的目标直接相减的结果：pred - target 广播成了 (N, N) 的表，"
                 "每个预测都和每个目标比了一次，再对整张表取平均。请先把两者都变成 (N,)：pred.reshape(-1) 和 target.reshape(-1)。")
    return None


def _non_finite(record) -> bool:
    values = getattr(record, "values", None)
    return values is not None and values.dtype.kind == "f" and not np.isfinite(values).all()


def overflow(got, expected):
    loss = got.get("loss") if isinstance(got, dict) else got
    logits = got.get("logits") if isinstance(got, dict) else None
    grad = getattr(logits, "grad", None)
    if _non_finite(loss) or _non_finite(grad):
        return T("Your loss (or its gradient) is nan or inf: torch.exp(1000.0) overflows to inf in float32, so "
                 "exp(x) / exp(x).sum() becomes inf / inf = nan, and log(exp(-1000.0)) becomes log(0) = -inf. "
                 "Subtract each row's maximum before exp(), and work with log-probabilities: "
                 "log_probs = shifted - shifted.exp().sum(dim=1, keepdim=True).log().",
                 "你的损失（或它的梯度）是 nan 或 inf：在 float32 中 torch.exp(1000.0) 会溢出成 inf，于是 "
                 "exp(x) / exp(x).sum() 变成 inf / inf = nan，而 log(exp(-1000.0)) 变成 log(0) = -inf。"
                 "请在 exp() 之前先减去每一行的最大值，并直接计算对数概率："
                 "log_probs = shifted - shifted.exp().sum(dim=1, keepdim=True).log()。")
    return None


def softmax_mistake(got, expected):
    if not isinstance(got, dict):
        return None
    wrong = number(got.get(SOFTMAX_KEY))
    if any(close(number(value), wrong) for key, value in got.items() if key != SOFTMAX_KEY):
        return T("Your loss is what CrossEntropyLoss gives after a softmax. CrossEntropyLoss takes raw scores "
                 "(logits) and applies log-softmax itself: a softmax before it squeezes the scores into (0, 1), the "
                 "loss can hardly move and the gradients shrink. Pass model(images) straight to the loss.",
                 "你的损失等于先做 softmax 再送进 CrossEntropyLoss 的结果。CrossEntropyLoss 接收原始得分（logits），"
                 "自己会做 log-softmax：在它前面再加 softmax，会把得分压进 (0, 1)，损失几乎动不了，梯度也变得很小。"
                 "请把 model(images) 直接交给损失函数。")
    return None


SHAPES_FIRST = T(
    "mse compares element by element, so the shapes must be equal: raise ValueError when pred.shape != target.shape "
    "instead of letting (N, 1) - (N,) broadcast to (N, N). regression_loss is where (N, 1) and (N,) meet: "
    "reshape both with .reshape(-1) and then call mse.",
    "mse 逐元素比较，所以形状必须相同：pred.shape != target.shape 时抛出 ValueError，不要让 (N, 1) - (N,) 广播成 (N, N)。"
    "(N, 1) 与 (N,) 相遇的地方是 regression_loss：先用 .reshape(-1) 把两者展平，再调用 mse。",
)

LOG_SOFTMAX = T(
    "Shift each row by its maximum, take log-probabilities shifted - log(sum(exp(shifted))) along dim=1, "
    "pick each row's target with log_probs.gather(1, target.unsqueeze(1)), and return minus their mean.",
    "每一行先减去该行的最大值，再沿 dim=1 计算对数概率 shifted - log(sum(exp(shifted)))，"
    "用 log_probs.gather(1, target.unsqueeze(1)) 取出每行目标类别的那一项，返回它们平均值的相反数。",
)

RAW_SCORES = T(
    "loss_for_batch: nn.CrossEntropyLoss()(model(images), labels.reshape(-1).long()). CrossEntropyLoss takes raw "
    "scores (no softmax before it) and (N,) int64 class indices.",
    "loss_for_batch：nn.CrossEntropyLoss()(model(images), labels.reshape(-1).long())。CrossEntropyLoss 接收原始得分"
    "（前面不要加 softmax）和形状为 (N,) 的 int64 类别编号。",
)


# ---- mse -------------------------------------------------------------------------------


@suite.case("mse of a tiny example: [2.5, 0, 2, 8] against [3, -0.5, 2, 7] is 0.375",
            "mse 的小例子：[2.5, 0, 2, 8] 对 [3, -0.5, 2, 7] 等于 0.375",
            diagnose=summed(4),
            hint=T("Square the differences and take their mean: (0.25 + 0.25 + 0 + 1) / 4 = 0.375.",
                   "把差值平方后取平均：(0.25 + 0.25 + 0 + 1) / 4 = 0.375。"))
def mse_tiny(m):
    return m.mse(torch.tensor([2.5, 0.0, 2.0, 8.0]), torch.tensor([3.0, -0.5, 2.0, 7.0]))


@suite.case("mse matches F.mse_loss on a (5, 3) batch: value and gradient",
            "mse 在 (5, 3) 的批次上与 F.mse_loss 一致：数值和梯度",
            diagnose=summed(15),
            hint=T("Use torch operations on pred only ((pred - target) ** 2, .mean()), so autograd can follow; "
                   "the gradient is 2 * (pred - target) / pred.numel().",
                   "只对 pred 使用 torch 运算（(pred - target) ** 2、.mean()），autograd 才能跟踪；"
                   "梯度应为 2 * (pred - target) / pred.numel()。"))
def mse_random(m):
    pred = torch.randn(5, 3, requires_grad=True)
    target = torch.randn(5, 3)
    loss = m.mse(pred, target)
    loss.backward()
    return {"loss": loss, "pred": pred}


@suite.case("mse refuses a (4, 1) prediction against a (4,) target (ValueError)",
            "mse 拒绝 (4, 1) 的预测与 (4,) 的目标（ValueError）",
            hint=SHAPES_FIRST)
def mse_shapes(m):
    return m.mse(torch.randn(4, 1), torch.randn(4))


# ---- regression_loss ----------------------------------------------------------------------


@suite.case("regression_loss: Linear(1, 1) on the study-hours table, (20, 1) predictions against (20,) scores",
            "regression_loss：在学习时间表上用 Linear(1, 1)，(20, 1) 的预测对 (20,) 的分数",
            points=2, keys=("loss", "model.weight", "model.bias"),
            diagnose=first_of(broadcast_mistake, summed(20)), hint=SHAPES_FIRST)
def regression_hours(m):
    model = nn.Linear(1, 1)
    with torch.no_grad():
        model.weight.fill_(16.0)
        model.bias.fill_(6.0)
    hours = torch.tensor(HOURS).unsqueeze(1)  # (20, 1): one feature per sample
    scores = torch.tensor(SCORES, dtype=torch.float32)  # (20,): the way a dataset of targets gives them
    pred = model(hours)
    with torch.no_grad():
        broadcast = float(((pred - scores) ** 2).mean())
    loss = m.regression_loss(pred, scores)
    loss.backward()
    return {"loss": loss, "model.weight": model.weight, "model.bias": model.bias, BROADCAST_KEY: broadcast}


@suite.case("regression_loss: (N,) predictions against the notes' (N, 1) targets y = x^2 + noise",
            "regression_loss：(N,) 的预测对笔记中 (N, 1) 的目标 y = x^2 + 噪声",
            keys=("loss", "pred"), diagnose=first_of(broadcast_mistake, summed(12)), hint=SHAPES_FIRST)
def regression_column_target(m):
    x = torch.linspace(-1, 1, 12).unsqueeze(1)
    y = x.pow(2) + 0.1 * torch.randn(x.shape)  # (12, 1)
    pred = torch.randn(12, requires_grad=True)
    with torch.no_grad():
        broadcast = float(((pred - y) ** 2).mean())
    loss = m.regression_loss(pred, y)
    loss.backward()
    return {"loss": loss, "pred": pred, BROADCAST_KEY: broadcast}


@suite.case("regression_loss with matching (N, 1) shapes equals nn.MSELoss",
            "形状同为 (N, 1) 时 regression_loss 等于 nn.MSELoss", diagnose=summed(6), hint=SHAPES_FIRST)
def regression_same(m):
    pred = torch.randn(6, 1, requires_grad=True)
    loss = m.regression_loss(pred, torch.randn(6, 1))
    loss.backward()
    return {"loss": loss, "pred": pred}


@suite.case("regression_loss refuses 4 predictions against 5 targets (ValueError)",
            "regression_loss 拒绝 4 个预测对 5 个目标（ValueError）", hint=SHAPES_FIRST)
def regression_counts(m):
    return m.regression_loss(torch.randn(4, 1), torch.randn(5))


# ---- cross_entropy ----------------------------------------------------------------------------


@suite.case("cross_entropy of one sample: scores [2.0, 1.0, 0.1], class 0 gives 0.417",
            "单个样本的 cross_entropy：得分 [2.0, 1.0, 0.1]、类别 0，结果为 0.417",
            hint=T("log_softmax([2.0, 1.0, 0.1]) = [-0.417, -1.417, -2.317]; class 0 picks -0.417 and the loss is "
                   "minus that. Do not apply softmax to the scores first.",
                   "log_softmax([2.0, 1.0, 0.1]) = [-0.417, -1.417, -2.317]；类别 0 取出 -0.417，损失是它的相反数。"
                   "不要先对得分做 softmax。"))
def ce_one(m):
    return m.cross_entropy(torch.tensor([[2.0, 1.0, 0.1]]), torch.tensor([0]))


@suite.case("cross_entropy matches F.cross_entropy on (8, 10) scores: value and gradient",
            "cross_entropy 在 (8, 10) 的得分上与 F.cross_entropy 一致：数值和梯度",
            diagnose=summed(8), hint=LOG_SOFTMAX)
def ce_random(m):
    logits = (torch.randn(8, 10) * 3).requires_grad_(True)
    target = torch.randint(0, 10, (8,))
    loss = m.cross_entropy(logits, target)
    loss.backward()
    return {"loss": loss, "logits": logits}


@suite.case("cross_entropy stays finite for scores like 1000 (value and gradient)",
            "得分达到 1000 这样的量级时 cross_entropy 仍是有限值（数值和梯度）",
            diagnose=overflow, hint=LOG_SOFTMAX)
def ce_large(m):
    logits = torch.tensor([[1000.0, 0.0, -1000.0],
                           [0.0, 1000.0, 10.0],
                           [-5.0, 3.0, 1000.0],
                           [-1000.0, -1000.0, -999.0]], requires_grad=True)
    target = torch.tensor([0, 2, 1, 2])
    loss = m.cross_entropy(logits, target)
    loss.backward()
    return {"loss": loss, "logits": logits}


@suite.case("cross_entropy refuses float targets (ValueError)", "cross_entropy 拒绝浮点类型的目标（ValueError）",
            hint=T("Targets are class indices: check target.dtype != torch.int64 and raise ValueError. "
                   "F.cross_entropy fails on them too (\"expected target dtype to be Long\"), and float targets of "
                   "shape (N, C) would be read as class probabilities, a different loss.",
                   "目标是类别编号：检查 target.dtype != torch.int64 并抛出 ValueError。F.cross_entropy 遇到它们同样会报错"
                   "（\"expected target dtype to be Long\"），而形状为 (N, C) 的浮点目标会被当成类别概率，那是另一种损失。"))
def ce_float_target(m):
    return m.cross_entropy(torch.randn(3, 4), torch.tensor([0.0, 3.0, 1.0]))


@suite.case("cross_entropy refuses int32 targets too: only int64 is accepted (ValueError)",
            "cross_entropy 也拒绝 int32 的目标：只接受 int64（ValueError）",
            hint=T("The statement asks for int64 exactly: check target.dtype != torch.int64, not only whether it is a "
                   "float. nn.CrossEntropyLoss refuses int32 targets as well.",
                   "题目要求的正是 int64：检查 target.dtype != torch.int64，而不只是检查它是不是浮点数。"
                   "nn.CrossEntropyLoss 同样拒绝 int32 的目标。"))
def ce_int32_target(m):
    return m.cross_entropy(torch.randn(3, 4), torch.tensor([0, 3, 1], dtype=torch.int32))


@suite.case("cross_entropy works on another device (meta)", "cross_entropy 在其他设备（meta）上也能运行",
            hint=T("Build everything from logits and target (max, exp, sum, log, gather): no helper tensor on a "
                   "fixed device is needed.",
                   "全部用 logits 和 target 上的运算完成（max、exp、sum、log、gather）：不需要在固定设备上创建辅助张量。"),
            rule=meta_or_skipped)
def ce_meta(m):
    # Indexing a row with a 0-d target (row[label]) reads the label's value: fine on a GPU, impossible on meta.
    logits = torch.empty(5, 10, device="meta")
    return on_meta(lambda: m.cross_entropy(logits, torch.empty(5, dtype=torch.int64, device="meta")))


# ---- loss_for_batch ------------------------------------------------------------------------------


@suite.case("loss_for_batch: the notes' MNIST CNN on a (6, 1, 28, 28) batch: loss and gradients",
            "loss_for_batch：笔记中的 MNIST 卷积网络处理 (6, 1, 28, 28) 的批次：损失和梯度",
            points=2, keys=("loss", "fc.weight", "conv1.weight"), diagnose=softmax_mistake, hint=RAW_SCORES)
def batch_mnist(m):
    model = mnist_net(seed=11)
    images, labels = mnist_batch(6)
    wrong = softmax_first(model, images, labels)
    loss = m.loss_for_batch(model, images, labels)
    loss.backward()
    return {"loss": loss, "fc.weight": model.fc.weight, "conv1.weight": model.conv1.weight, SOFTMAX_KEY: wrong}


@suite.case("loss_for_batch with labels stored as float32 and as int32",
            "loss_for_batch 处理以 float32 和 int32 存放的标签",
            keys=("float32 labels", "int32 labels"), diagnose=softmax_mistake,
            hint=T("Labels read from a CSV or a NumPy array are often float32 or int32; CrossEntropyLoss wants int64 "
                   "class indices: labels.long().",
                   "从 CSV 或 NumPy 数组读来的标签常常是 float32 或 int32；CrossEntropyLoss 要求 int64 的类别编号："
                   "labels.long()。"))
def batch_dtypes(m):
    model = mnist_net(seed=12)
    images, labels = mnist_batch(4)
    with torch.no_grad():
        as_float = m.loss_for_batch(model, images, labels.float())
        as_int32 = m.loss_for_batch(model, images, labels.int())
    return {"float32 labels": as_float, "int32 labels": as_int32,
            SOFTMAX_KEY: softmax_first(model, images, labels)}


@suite.case("loss_for_batch with labels shaped (N, 1), one column as in a table",
            "loss_for_batch 处理形状为 (N, 1) 的标签（表格中的一列）",
            keys=("loss",), diagnose=softmax_mistake,
            hint=T("CrossEntropyLoss wants one class index per sample, shape (N,): labels.reshape(-1) turns an "
                   "(N, 1) column into that.",
                   "CrossEntropyLoss 要求每个样本一个类别编号，形状为 (N,)：labels.reshape(-1) 可以把 (N, 1) 的一列变成这样。"))
def batch_column(m):
    model = mnist_net(seed=13)
    images, labels = mnist_batch(5)
    with torch.no_grad():
        loss = m.loss_for_batch(model, images, labels.unsqueeze(1))
    return {"loss": loss, SOFTMAX_KEY: softmax_first(model, images, labels)}


@suite.case("loss_for_batch works with the model and batch on another device (meta)",
            "模型和批次在其他设备（meta）上时 loss_for_batch 也能运行",
            hint=T("Convert the labels with .reshape(-1).long(): it keeps them on their device. Do not rebuild them "
                   "with torch.tensor(...) or move anything to a fixed device.",
                   "用 .reshape(-1).long() 转换标签：它们会留在原来的设备上。不要用 torch.tensor(...) 重新创建，"
                   "也不要把任何东西移到固定的设备上。"))
def batch_meta(m):
    model = mnist_net(seed=14).to("meta")
    images = torch.empty(3, 1, 28, 28, device="meta")
    labels = torch.empty(3, device="meta")  # float labels, as read from a file
    return m.loss_for_batch(model, images, labels)
