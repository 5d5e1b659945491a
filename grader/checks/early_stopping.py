"""Checks for exercises/08_training/early_stopping.py.

Early stopping is deterministic: its answers are compared with the reference's.
A split may come from any seeded method, so split cases return the raw indices
and the judge derives the facts that every correct split has (sizes, nothing
lost or repeated, the same split for the same seed).
"""

from __future__ import annotations

from typing import Any

from grader.checks import TORCH_AND_DYNAMO, Suite, T, facts, lazy

torch = lazy("torch")
nn = lazy("torch.nn")

suite = Suite("early_stopping", names=("split_train_val", "EarlyStopping"), needs=TORCH_AND_DYNAMO)

STRICT = T(
    "Only a loss STRICTLY below best_loss - min_delta is an improvement: an equal loss (or one better by exactly "
    "min_delta) counts as an epoch without improvement.",
    "只有严格小于 best_loss - min_delta 的损失才算改善：相等的损失（或者恰好好了 min_delta）算作没有改善的 epoch。",
)
COUNT_RESET = T(
    "Count epochs without improvement since the LAST improvement: reset the count to 0 whenever the loss improves, "
    "and stop when it reaches patience.",
    "统计自上一次改善以来没有改善的 epoch 数：每次损失改善时把计数归 0，计数达到 patience 时停止。",
)
COPY_STATE = T(
    "model.state_dict() holds the model's live tensors: keep {name: t.detach().clone() for ...} (or "
    "copy.deepcopy(model.state_dict())), or best_state follows every later update.",
    "model.state_dict() 中是模型正在使用的张量：要保存 {name: t.detach().clone() for ...}"
    "（或 copy.deepcopy(model.state_dict())），否则 best_state 会跟着之后的每次更新一起变。",
)
ARGUMENTS = T(
    "patience below 1 or a negative min_delta raise ValueError in __init__.",
    "patience 小于 1 或 min_delta 为负数时，在 __init__ 中抛出 ValueError。",
)
FRACTION = T(
    "val_fraction must be strictly between 0 and 1, and both parts need at least one sample "
    "(int(len(dataset) * val_fraction) validation samples): raise ValueError otherwise.",
    "val_fraction 必须严格介于 0 和 1 之间，两部分都至少要有一个样本（验证部分有 "
    "int(len(dataset) * val_fraction) 个样本）：否则抛出 ValueError。",
)


def run_losses(m, losses: list[float], patience: int, min_delta: float = 0.0) -> dict[str, Any]:
    stopper = m.EarlyStopping(patience, min_delta)
    returned = [stopper.step(loss) for loss in losses]
    return {"step results": returned, "best_loss": stopper.best_loss, "best_epoch": stopper.best_epoch}


@suite.case("a fresh EarlyStopping: best_loss inf, best_epoch None, best_state None",
            "新建的 EarlyStopping：best_loss 为 inf，best_epoch 为 None，best_state 为 None")
def fresh(m):
    stopper = m.EarlyStopping(3)
    return {"best_loss": stopper.best_loss, "best_epoch": stopper.best_epoch, "best_state": stopper.best_state}


@suite.case("a loss that keeps falling never stops training", "一直下降的损失永远不会让训练停止")
def always_better(m):
    return run_losses(m, [1.0, 0.8, 0.6, 0.5, 0.45, 0.41, 0.4], patience=2)


@suite.case("patience 3: stops on the third epoch without improvement", "patience 为 3：在第三个没有改善的 epoch 停止",
            hint=COUNT_RESET)
def patience_three(m):
    return run_losses(m, [1.0, 0.8, 0.7, 0.72, 0.71, 0.69, 0.75, 0.74, 0.73, 0.7], patience=3)


@suite.case("patience 1 (the smallest): stops at the first epoch without improvement",
            "patience 为 1（最小值）：第一个没有改善的 epoch 就停止", hint=COUNT_RESET)
def patience_one(m):
    return run_losses(m, [0.5, 0.4, 0.4, 0.3], patience=1)


@suite.case("an equal loss is not an improvement", "相等的损失不算改善", hint=STRICT)
def equal_loss(m):
    return run_losses(m, [0.5, 0.5, 0.5], patience=2)


@suite.case("min_delta 0.0625: smaller gains do not count, a gain of exactly 0.0625 does not either",
            "min_delta 为 0.0625：更小的进步不算，恰好 0.0625 的进步也不算", hint=STRICT)
def with_min_delta(m):
    return run_losses(m, [1.0, 0.97, 0.9375, 0.85, 0.84, 0.83], patience=3, min_delta=0.0625)


@suite.case("the count starts again after every improvement", "每次改善之后计数重新开始", hint=COUNT_RESET)
def count_resets(m):
    return run_losses(m, [1.0, 1.1, 0.9, 1.2, 0.8, 0.85, 0.9], patience=2)


@suite.case("patience 0 raises ValueError", "patience 为 0 时抛出 ValueError", hint=ARGUMENTS)
def patience_zero(m):
    return m.EarlyStopping(0)


@suite.case("a negative min_delta raises ValueError", "min_delta 为负数时抛出 ValueError", hint=ARGUMENTS)
def negative_delta(m):
    return m.EarlyStopping(2, min_delta=-0.1)


@suite.case("best_state is a copy of the best epoch's weights, not the live tensors",
            "best_state 是最好那个 epoch 的权重的拷贝，而不是正在使用的张量", hint=COPY_STATE)
def best_weights(m):
    model = nn.Linear(3, 2)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
    stopper = m.EarlyStopping(patience=2)
    x, y = torch.randn(16, 3), torch.randn(16, 2)
    history = []
    for loss in [0.9, 0.6, 0.7, 0.8]:
        stopper.step(loss, model)
        history.append({name: t.detach().clone() for name, t in model.state_dict().items()})
        optimizer.zero_grad()
        ((model(x) - y) ** 2).mean().backward()
        optimizer.step()
    return {"best_epoch": stopper.best_epoch, "best_state": dict(stopper.best_state),
            "weights at the best epoch": history[stopper.best_epoch]}


@suite.case("without a model, best_state stays None", "不给模型时 best_state 保持为 None")
def no_model(m):
    stopper = m.EarlyStopping(2)
    stopper.step(0.5)
    return {"best_state": stopper.best_state, "best_epoch": stopper.best_epoch}


def split_facts(run: Any) -> dict[str, Any]:
    """What a split did, from the indices both parts hold (judge side)."""
    first, again, other, n = run["split"], run["same seed again"], run["another seed"], run["dataset size"]
    train, val = first
    together = sorted(train + val)
    return {
        "training size": len(train),
        "validation size": len(val),
        "every sample exactly once": together == list(range(n)),
        "the same split for the same seed": again == first,
        "a different split for another seed": other != first,
        "shuffled (not the first samples in order)": val != list(range(len(val))) and train != list(range(len(train))),
    }


def indices_of(subset) -> list[int]:
    """Which samples of the base dataset a subset holds (works for any Dataset returning its own index)."""
    return [int(subset[i]) for i in range(len(subset))]


def numbers(size: int) -> Any:
    """A dataset whose sample i is the number i, so a subset shows which samples it took.

    The class is made here, not at import: the judge imports this module and must not import torch.
    """
    dataset: Any = torch.utils.data.Dataset

    class Numbers(dataset):
        def __init__(self, size: int):
            self.size = size

        def __len__(self) -> int:
            return self.size

        def __getitem__(self, index: int) -> int:
            if not 0 <= index < self.size:
                raise IndexError(index)
            return index

    return Numbers(size)


def split_run(m, size: int, fraction: float, seed: int) -> dict[str, Any]:
    data = numbers(size)
    torch.manual_seed(0)
    first = [indices_of(part) for part in m.split_train_val(data, fraction, seed)]
    torch.manual_seed(1)  # the global generator moved on: the split must not depend on it
    again = [indices_of(part) for part in m.split_train_val(data, fraction, seed)]
    other = [indices_of(part) for part in m.split_train_val(data, fraction, seed + 1)]
    return {"split": first, "same seed again": again, "another seed": other, "dataset size": size}


@suite.case("100 samples, val_fraction 0.2: 80 + 20, every sample once, the same for the same seed",
            "100 个样本、val_fraction 0.2：80 + 20，每个样本恰好一次，同一个 seed 划分相同", rule=facts(split_facts),
            hint=T("Seed your own generator: random_split(dataset, [n_train, n_val], "
                   "generator=torch.Generator().manual_seed(seed)).",
                   "给自己的生成器设定种子：random_split(dataset, [n_train, n_val], "
                   "generator=torch.Generator().manual_seed(seed))。"))
def split_hundred(m):
    return split_run(m, 100, 0.2, 7)


@suite.case("int() rounds down: 37 samples with 0.3 give 11 for validation", "int() 向下取整：37 个样本、0.3 得到 11 个验证样本",
            rule=facts(split_facts), hint=FRACTION)
def split_rounding(m):
    return split_run(m, 37, 0.3, 11)


@suite.case("the smallest split: 2 samples, 0.5 -> 1 + 1", "最小的划分：2 个样本、0.5 -> 1 + 1", rule=facts(split_facts))
def split_smallest(m):
    return split_run(m, 2, 0.5, 3)


@suite.case("val_fraction 0 raises ValueError", "val_fraction 为 0 时抛出 ValueError", hint=FRACTION)
def fraction_zero(m):
    return m.split_train_val(numbers(10), 0.0, 1)


@suite.case("val_fraction 1 raises ValueError", "val_fraction 为 1 时抛出 ValueError", hint=FRACTION)
def fraction_one(m):
    return m.split_train_val(numbers(10), 1.0, 1)


@suite.case("a validation part that would be empty (5 samples, 0.1) raises ValueError",
            "验证部分会为空时（5 个样本、0.1）抛出 ValueError", hint=FRACTION)
def empty_validation(m):
    return m.split_train_val(numbers(5), 0.1, 1)
