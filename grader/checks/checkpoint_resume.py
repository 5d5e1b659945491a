"""Checks for exercises/08_training/checkpoint_resume.py.

The cases train a small model on fixed data in a fixed order (no shuffling,
no dropout), so a run is reproducible to the last bit: a run stopped and
resumed from the learner's checkpoint must end with the reference's weights,
which are those of the uninterrupted run.
"""

from __future__ import annotations

import os
import tempfile

from grader.checks import TORCH_AND_DYNAMO, ErrorRecord, Suite, T, lazy, load_reference_weights

torch = lazy("torch")
nn = lazy("torch.nn")

suite = Suite("checkpoint_resume", names=("save_checkpoint", "load_checkpoint"), needs=TORCH_AND_DYNAMO)

OPTIMIZER_STATE = T(
    "Save and restore optimizer.state_dict() too: momentum buffers and Adam's averages live in the optimizer. "
    "Without them the resumed run starts its momentum from zero and ends with other weights.",
    "优化器的 state_dict() 也要保存和恢复：动量缓冲区和 Adam 的滑动平均都保存在优化器里。"
    "没有它们，恢复后的训练会让动量从零开始，最终得到不同的权重。",
)
NEXT_EPOCH = T(
    "The checkpoint stores the epoch that just FINISHED; training goes on with the next one: return "
    "checkpoint['epoch'] + 1. Returning the saved epoch trains that epoch twice.",
    "检查点保存的是刚刚完成的那一轮；训练要从下一轮继续：return checkpoint['epoch'] + 1。"
    "直接返回保存的 epoch 会把那一轮训练两次。",
)
KEYS = T(
    "torch.save({'model': model.state_dict(), 'optimizer': optimizer.state_dict(), 'epoch': epoch}, path): "
    "exactly these three keys, epoch as a plain int.",
    "torch.save({'model': model.state_dict(), 'optimizer': optimizer.state_dict(), 'epoch': epoch}, path)："
    "正好这三个键，epoch 是普通的 int。",
)
MODEL_STATE = T(
    "Save model.state_dict() (weights AND buffers such as BatchNorm's running statistics) and load it with "
    "model.load_state_dict(...).",
    "保存 model.state_dict()（权重以及 BatchNorm 运行均值和方差这样的缓冲区），并用 model.load_state_dict(...) 加载。",
)


def workdir() -> str:
    return tempfile.mkdtemp(prefix="checkpoint-")


def build(optimizer_name: str, lr: float = 0.05):
    model = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Linear(8, 2))
    load_reference_weights(model, seed=2024)
    if optimizer_name == "sgd":
        optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)
    else:
        optimizer = torch.optim.Adam(model.parameters(), lr=lr, betas=(0.9, 0.99))
    return model, optimizer


def fixed_data():
    generator = torch.Generator().manual_seed(7)
    x = torch.randn(24, 4, generator=generator)
    y = torch.randn(24, 2, generator=generator)
    return x, y


def train_one_epoch(model, optimizer, data) -> None:
    x, y = data
    model.train()
    for start in range(0, len(x), 8):
        optimizer.zero_grad()
        loss = ((model(x[start:start + 8]) - y[start:start + 8]) ** 2).mean()
        loss.backward()
        optimizer.step()


def run_with_stop(m, optimizer_name: str, epochs: int, stop_after: int, resume_lr: float | None = None):
    """Train, saving a checkpoint after every epoch; stop after epoch `stop_after`, then resume with fresh objects."""
    path = os.path.join(workdir(), "checkpoint.pth")
    data = fixed_data()
    model, optimizer = build(optimizer_name)
    for epoch in range(0, stop_after + 1):
        train_one_epoch(model, optimizer, data)
        m.save_checkpoint(path, model, optimizer, epoch)
    model, optimizer = build(optimizer_name, lr=resume_lr or 0.05)
    with torch.no_grad():  # the fresh model's own weights must not survive the load
        for p in model.parameters():
            p.add_(1.0)
    start = m.load_checkpoint(path, model, optimizer)
    for epoch in range(start, epochs):
        train_one_epoch(model, optimizer, data)
        m.save_checkpoint(path, model, optimizer, epoch)
    return {"epoch to continue with": start, "final weights": dict(model.state_dict()),
            "learning rate after the load": optimizer.param_groups[0]["lr"]}


def trained(optimizer_name: str, epochs: int):
    model, optimizer = build(optimizer_name)
    for _ in range(epochs):
        train_one_epoch(model, optimizer, fixed_data())
    return model, optimizer


def not_weights_only(got, expected) -> T | None:
    if isinstance(got, ErrorRecord) and "Weights only load failed" in got.message:
        return T("The checkpoint must hold only state_dicts, numbers and strings: torch.save(model) or "
                 "torch.save(optimizer) pickle whole objects, which weights_only=True refuses.",
                 "检查点只能包含 state_dict、数字和字符串：torch.save(model) 或 torch.save(optimizer) 会 pickle 整个对象，"
                 "weights_only=True 会拒绝它们。")
    return None


# ---- save_checkpoint ----------------------------------------------------------


@suite.case("the checkpoint loads with weights_only=True and holds exactly 'model', 'optimizer' and 'epoch'",
            "检查点能用 weights_only=True 加载，并且正好包含 'model'、'optimizer' 和 'epoch'",
            diagnose=not_weights_only, hint=KEYS)
def checkpoint_keys(m):
    path = os.path.join(workdir(), "checkpoint.pth")
    model, optimizer = trained("sgd", 1)
    m.save_checkpoint(path, model, optimizer, 3)
    checkpoint = torch.load(path, weights_only=True)
    return {"keys": sorted(checkpoint), "epoch": checkpoint["epoch"], "epoch type": type(checkpoint["epoch"]).__name__}


@suite.case("checkpoint['model'] is the model's state_dict, buffers included",
            "checkpoint['model'] 是模型的 state_dict，包括缓冲区", diagnose=not_weights_only, hint=MODEL_STATE)
def checkpoint_model(m):
    path = os.path.join(workdir(), "checkpoint.pth")
    model, optimizer = trained("sgd", 2)
    m.save_checkpoint(path, model, optimizer, 1)
    return dict(torch.load(path, weights_only=True)["model"])


@suite.case("checkpoint['optimizer'] holds the settings and the momentum buffers",
            "checkpoint['optimizer'] 包含优化器的设置和动量缓冲区", diagnose=not_weights_only, hint=OPTIMIZER_STATE)
def checkpoint_optimizer(m):
    path = os.path.join(workdir(), "checkpoint.pth")
    model, optimizer = trained("sgd", 2)
    m.save_checkpoint(path, model, optimizer, 1)
    saved = torch.load(path, weights_only=True)["optimizer"]
    return {
        "param_groups": [{key: group[key] for key in ("lr", "momentum", "params")} for group in saved["param_groups"]],
        "state": {str(index): dict(entry) for index, entry in saved["state"].items()},
    }


# ---- load_checkpoint ----------------------------------------------------------


@suite.case("load_checkpoint returns the saved epoch + 1", "load_checkpoint 返回保存的 epoch + 1", hint=NEXT_EPOCH)
def next_epoch(m):
    path = os.path.join(workdir(), "checkpoint.pth")
    model, optimizer = trained("sgd", 1)
    torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": 4}, path)
    fresh_model, fresh_optimizer = build("sgd")
    return m.load_checkpoint(path, fresh_model, fresh_optimizer)


@suite.case("after epoch 0 the next epoch is 1", "第 0 轮之后，下一轮是 1", hint=NEXT_EPOCH)
def first_epoch(m):
    path = os.path.join(workdir(), "checkpoint.pth")
    model, optimizer = trained("sgd", 1)
    torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": 0}, path)
    fresh_model, fresh_optimizer = build("sgd")
    return m.load_checkpoint(path, fresh_model, fresh_optimizer)


@suite.case("load_checkpoint restores the weights and the BatchNorm statistics",
            "load_checkpoint 恢复权重和 BatchNorm 的统计量", hint=MODEL_STATE)
def restores_model(m):
    path = os.path.join(workdir(), "checkpoint.pth")
    model, optimizer = trained("adam", 2)
    torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": 1}, path)
    fresh_model, fresh_optimizer = build("adam")
    m.load_checkpoint(path, fresh_model, fresh_optimizer)
    return dict(fresh_model.state_dict())


@suite.case("SGD with momentum: stopped after epoch 1 of 5 and resumed, the same weights as without a stop",
            "带动量的 SGD：5 轮中在第 1 轮后停下再恢复，权重与不中断时相同", hint=OPTIMIZER_STATE)
def resume_sgd(m):
    return run_with_stop(m, "sgd", epochs=5, stop_after=1)


@suite.case("Adam: stopped after epoch 0 (the first) of 4 and resumed, the same weights as without a stop",
            "Adam：4 轮中在第 0 轮（第一轮）后停下再恢复，权重与不中断时相同", hint=OPTIMIZER_STATE)
def resume_adam(m):
    return run_with_stop(m, "adam", epochs=4, stop_after=0)


@suite.case("the checkpoint's learning rate wins over the fresh optimizer's (0.5 -> 0.05)",
            "检查点中的学习率覆盖新优化器的学习率（0.5 -> 0.05）", hint=OPTIMIZER_STATE)
def resume_lr(m):
    return run_with_stop(m, "adam", epochs=3, stop_after=1, resume_lr=0.5)


@suite.case("stopped after the last epoch: nothing is left to train", "在最后一轮之后停下：没有剩下要训练的轮次",
            hint=NEXT_EPOCH)
def resume_at_end(m):
    return run_with_stop(m, "sgd", epochs=3, stop_after=2)
