"""Checks for exercises/08_training/training_loop.py."""

from __future__ import annotations

import math
from typing import Any

from grader.checks import (
    TORCH_AND_DYNAMO,
    Suite,
    T,
    describe,
    facts,
    first_difference,
    lazy,
    load_reference_weights,
    text,
)

torch = lazy("torch")
nn = lazy("torch.nn")
data = lazy("torch.utils.data")

suite = Suite("training_loop", names=("train",), needs=TORCH_AND_DYNAMO)

BATCH = 8


def regression_loader(samples: int = 32):
    """A fixed, unshuffled regression problem: every run sees the same batches in the same order."""
    x = torch.randn(samples, 3)
    y = x @ torch.tensor([[1.5], [-2.0], [0.5]]) + 0.3 + 0.05 * torch.randn(samples, 1)
    return data.DataLoader(data.TensorDataset(x, y), batch_size=BATCH, shuffle=False)


class Recorder:
    """A loss function that remembers the value of every loss it computed."""

    def __init__(self, loss_fn):
        self.loss_fn = loss_fn
        self.values = []

    def __call__(self, outputs, targets):
        loss = self.loss_fn(outputs, targets)
        self.values.append(float(loss.detach()))
        return loss


def spied_model(seed: int, dropout: bool = False):
    """A small MLP that records, at every forward, whether it was in training mode."""

    Module: Any = nn.Module  # a lazy module's attribute: typed so that it can be a base class

    class SpyNet(Module):
        def __init__(self):
            super().__init__()
            self.hidden = nn.Linear(3, 8)
            self.drop = nn.Dropout(0.5) if dropout else nn.Identity()
            self.out = nn.Linear(8, 1)
            self.modes = []

        def forward(self, x):
            self.modes.append(self.training)
            return self.out(self.drop(torch.relu(self.hidden(x))))

    model = SpyNet()
    load_reference_weights(model, seed=seed)
    return model


def mean_loss_mistake(got, expected):
    """Name the wrong summary of the epoch: last batch, sum, or one value per batch."""
    if not (isinstance(got, dict) and isinstance(expected, dict)):
        return None
    losses, batch_losses = got.get("losses"), got.get("batch losses")
    wanted = expected.get("losses")
    if not (isinstance(losses, list) and isinstance(batch_losses, list) and isinstance(wanted, list)):
        return None
    if not all(type(v) is float for v in losses + batch_losses):
        return None
    per_epoch = len(batch_losses) // max(len(wanted), 1)
    if len(losses) == len(batch_losses) and len(losses) != len(wanted):
        return T("You returned one value per batch; return one per epoch: the mean of that epoch's batch losses.",
                 "你为每个批次返回了一个值；应该每一轮返回一个值：这一轮各批次损失的平均值。")
    if len(losses) != len(wanted) or per_epoch == 0:
        return None
    epochs = [batch_losses[i * per_epoch:(i + 1) * per_epoch] for i in range(len(wanted))]

    def same(values):
        return all(math.isclose(a, b, rel_tol=1e-4, abs_tol=1e-6) for a, b in zip(losses, values))

    if same([e[-1] for e in epochs]):
        return T("You returned the loss of the last batch of each epoch; return the mean over all of its batches.",
                 "你返回的是每一轮最后一个批次的损失；应该返回这一轮所有批次的平均值。")
    if same([sum(e) for e in epochs]):
        return T("You returned the sum of the batch losses; divide by the number of batches.",
                 "你返回的是各批次损失的总和；还要除以批次数。")
    return None


LOSS_HISTORY = T(
    "Per epoch: add up loss.item() of every batch and append total / number_of_batches. "
    "Clear the gradients and call backward() once per batch.",
    "每一轮：把每个批次的 loss.item() 加起来，再把 总和 / 批次数 追加到列表。每个批次清除一次梯度、调用一次 backward()。",
)


@suite.case("exact mean losses: Linear(3, 1), MSE, SGD(lr=0.1), 3 epochs",
            "精确的平均损失：Linear(3, 1)、MSE、SGD(lr=0.1)、3 轮", points=2, keys=("losses",),
            diagnose=mean_loss_mistake, hint=LOSS_HISTORY)
def exact_sgd(m):
    model = nn.Linear(3, 1)
    load_reference_weights(model, seed=1)
    loss_fn = Recorder(nn.MSELoss())
    losses = m.train(model, regression_loader(), loss_fn, torch.optim.SGD(model.parameters(), lr=0.1), 3)
    return {"losses": losses, "batch losses": loss_fn.values}


@suite.case("exact mean losses: a classifier with CrossEntropyLoss and Adam, 4 epochs",
            "精确的平均损失：使用 CrossEntropyLoss 和 Adam 的分类器，4 轮", keys=("losses",),
            diagnose=mean_loss_mistake, hint=LOSS_HISTORY)
def exact_adam(m):
    model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 3))
    load_reference_weights(model, seed=2)
    x = torch.randn(48, 4)
    y = (x[:, 0] > 0).long() + (x[:, 1] > 0.5).long()
    loader = data.DataLoader(data.TensorDataset(x, y), batch_size=BATCH, shuffle=False)
    loss_fn = Recorder(nn.CrossEntropyLoss())
    losses = m.train(model, loader, loss_fn, torch.optim.Adam(model.parameters(), lr=0.01), 4)
    return {"losses": losses, "batch losses": loss_fn.values}


@suite.case("the loss goes down over 5 epochs", "5 轮训练中损失在下降",
            hint=T("If the loss does not fall, check the order: zero_grad, backward, step, on every batch.",
                   "如果损失不下降，检查顺序：每个批次都要 zero_grad、backward、step。"),
            rule=facts(lambda losses: loss_went_down(losses)))
def decreasing(m):
    model = nn.Linear(3, 1)
    load_reference_weights(model, seed=3)
    losses = m.train(model, regression_loader(), nn.MSELoss(), torch.optim.SGD(model.parameters(), lr=0.1), 5)
    return losses  # the judge looks at them (see loss_went_down)


def loss_went_down(losses) -> dict:
    """Judge-side facts about one run's list of epoch losses."""
    ok = isinstance(losses, list) and len(losses) == 5 and all(isinstance(v, (int, float)) for v in losses)
    return {"one value per epoch": ok, "last epoch below the first": ok and losses[-1] < losses[0]}


def extra_backward(got, expected):
    if isinstance(got, dict) and isinstance(expected, dict):
        passes, steps = got.get("backward() passes"), got.get("optimizer.step() calls")
        if type(passes) is int and type(steps) is int and steps and passes > steps:
            return T(f"backward() ran {passes} times for {steps} optimizer steps: every extra backward() adds the same "
                     "gradient to .grad again, so each step is too large. Call it once per batch.",
                     f"{steps} 次优化器更新却调用了 {passes} 次 backward()：每多调用一次，同样的梯度就会再加到 .grad 上一次，"
                     "于是每一步都走得太大。每个批次只调用一次。")
    return None


@suite.case("every backward() starts from cleared gradients", "每次 backward() 都从清零的梯度开始",
            diagnose=extra_backward,
            hint=T("Call optimizer.zero_grad() once per batch, before loss.backward(): otherwise the gradients add up "
                   "over the batches and every step uses the sum of all past gradients. Then call loss.backward() "
                   "exactly once per batch.",
                   "每个批次在 loss.backward() 之前调用一次 optimizer.zero_grad()：否则梯度会在各批次间累加，"
                   "每一步用的都是以前所有梯度的总和。然后每个批次只调用一次 loss.backward()。"),
            rule=facts(lambda run: {"backward() passes": run["backward() passes"], "optimizer.step() calls": run["optimizer.step() calls"], "gradients were cleared before every backward()": bool(run["gradients clear before each backward()"]) and all(run["gradients clear before each backward()"])}))
def cleared_gradients(m):
    model = spied_model(seed=4)
    clean, passes = [], []
    weight = model.hidden.weight

    def watch(grad):
        # Runs when backward() reaches the weight, before the new gradient is added to .grad.
        passes.append(1)
        clean.append(weight.grad is None or not bool(weight.grad.any()))

    weight.register_hook(watch)

    SGD: Any = torch.optim.SGD  # a lazy module's attribute: typed so that it can be a base class

    class CountingSGD(SGD):
        steps = 0

        def step(self, closure=None):
            CountingSGD.steps += 1
            return super().step(closure)

    m.train(model, regression_loader(), nn.MSELoss(), CountingSGD(model.parameters(), lr=0.05), 2)
    return {
        "backward() passes": len(passes),
        "optimizer.step() calls": CountingSGD.steps,
        "gradients clear before each backward()": list(clean),
    }


@suite.case("a model that arrives in eval mode is trained in training mode",
            "以评估模式传入的模型，要在训练模式下训练",
            hint=T("Call model.train() at the start of train(): an evaluation may have left the model in eval mode, "
                   "where Dropout does nothing and BatchNorm stops learning its statistics.",
                   "在 train() 开头调用 model.train()：之前的评估可能把模型留在了评估模式，"
                   "那时 Dropout 不起作用，BatchNorm 也不再更新统计量。"),
            rule=facts(lambda modes: {"training mode in every forward": bool(modes) and all(modes), "forward calls": len(modes)}))
def training_mode(m):
    model = spied_model(seed=5, dropout=True)
    model.eval()
    m.train(model, regression_loader(16), nn.MSELoss(), torch.optim.SGD(model.parameters(), lr=0.01), 2)
    return list(model.modes)  # the training flag each forward saw


@suite.case("the result is a list of Python floats", "结果是由 Python 浮点数组成的列表",
            rule=lambda got, expected: python_floats(got, expected),
            hint=T("Use loss.item() to turn each batch loss into a float; summing the tensors keeps their graphs "
                   "alive and returns tensors.",
                   "用 loss.item() 把每个批次的损失变成浮点数；累加张量会让计算图一直存活，并且返回的是张量。"))
def float_list(m):
    model = nn.Linear(3, 1)
    losses = m.train(model, regression_loader(), nn.MSELoss(), torch.optim.SGD(model.parameters(), lr=0.1), 2)
    # the items themselves: the recording turns NumPy's floats (np.mean gives np.float64, a float) into
    # Python floats, and the judge's rule checks what arrived
    return {"type": type(losses).__name__, "items": list(losses) if isinstance(losses, (list, tuple)) else None}


def python_floats(got, expected):
    """The judge's rule for `float_list`: a list of as many floats as the reference's."""
    found = first_difference(got.get("type"), expected["type"], atol=0, rtol=0, path="type")
    if found:
        return found
    items, wanted = got.get("items"), expected["items"]
    found = first_difference(len(items), len(wanted), atol=0, rtol=0, path="len(losses)")
    if found:
        return found
    for i, item in enumerate(items):
        if type(item) is not float:
            return text("wrong_type", where=f"losses[{i}]", expected=describe(wanted[i]), got=describe(item))
    return None


@suite.case("epochs=0 returns [] and leaves the weights alone", "epochs=0 返回 []，并且不改动权重",
            hint=T("Loop for epoch in range(epochs); with 0 epochs nothing runs and the weights stay as they were.",
                   "用 for epoch in range(epochs) 循环；epochs 为 0 时什么都不执行，权重保持原样。"))
def zero_epochs(m):
    model = nn.Linear(3, 1)
    losses = m.train(model, regression_loader(), nn.MSELoss(), torch.optim.SGD(model.parameters(), lr=0.1), 0)
    return {
        "losses": losses,
        "model weights after the call": [p.detach().clone() for p in model.parameters()],
    }
