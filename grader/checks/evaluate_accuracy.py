"""Checks for exercises/08_training/evaluate_accuracy.py."""

from __future__ import annotations

import copy
import math
from typing import Any

from grader.checks import TORCH_AND_DYNAMO, Suite, T, facts, lazy, load_reference_weights

torch = lazy("torch")
nn = lazy("torch.nn")
data = lazy("torch.utils.data")

suite = Suite("evaluate_accuracy", names=("accuracy",), needs=TORCH_AND_DYNAMO)

CLASSES = 3
FEATURES = 4


def spy_classifier(seed: int):
    """BatchNorm + Linear; it records, at every forward, its mode and whether autograd was recording.

    The running statistics are far from any batch's own, so forgetting
    model.eval() changes the predictions, deterministically.
    """

    Module: Any = nn.Module  # a lazy module's attribute: typed so that it can be a base class

    class Classifier(Module):
        def __init__(self):
            super().__init__()
            self.norm = nn.BatchNorm1d(FEATURES)
            self.fc = nn.Linear(FEATURES, CLASSES)
            self.modes, self.recording = [], []

        def forward(self, x):
            self.modes.append(self.training)
            self.recording.append(torch.is_grad_enabled())
            return self.fc(self.norm(x))

    model = Classifier()
    load_reference_weights(model, seed=seed)
    with torch.no_grad():
        model.norm.weight.fill_(1.0)
        model.norm.running_mean.copy_(torch.tensor([1.5, -1.0, 0.5, 2.0]))
        model.norm.running_var.copy_(torch.tensor([4.0, 0.25, 1.0, 9.0]))
    model.train()  # as a model arrives straight from training
    return model


def labelled(model, samples: int, right: float):
    """Inputs, and labels that agree with the eval-mode predictions for about `right` of the samples."""
    x = torch.randn(samples, FEATURES) * 2
    judge = copy.deepcopy(model).eval()
    with torch.no_grad():
        predicted = judge(x).argmax(dim=1)
    wrong = torch.rand(samples) >= right
    labels = torch.where(wrong, (predicted + 1) % CLASSES, predicted)
    return x, labels


def alternatives(model, loader):
    """The numbers that known mistakes produce, computed here so the judge can name the mistake."""
    results = {}
    with torch.no_grad():
        for name, train_mode, dim in (("without eval()", True, 1), ("argmax over dim 0", False, 0)):
            twin = copy.deepcopy(model).train(train_mode)
            correct = total = 0
            counted = True
            for x, y in loader:
                scores = twin(x)
                if scores.shape[0] != scores.shape[1] and dim == 0:
                    counted = False  # the argmax over dim 0 of a batch that is not square cannot meet the labels
                    break
                correct += int((scores.argmax(dim=dim) == y).sum())
                total += len(y)
            results[name] = correct / total if counted and total else None
        twin = copy.deepcopy(model).eval()
        per_batch = [float((twin(x).argmax(dim=1) == y).float().mean()) for x, y in loader]
        results["mean of batch accuracies"] = sum(per_batch) / len(per_batch) if per_batch else None
    return results


def name_mistake(got, expected):
    if not (isinstance(got, dict) and isinstance(expected, dict)):
        return None
    mine, right = got.get("accuracy"), expected.get("accuracy")
    if isinstance(mine, bool) or not isinstance(mine, (int, float)) or type(right) is not float:
        return None
    if math.isclose(mine, 100 * right, rel_tol=1e-6) and right > 0:
        return T("You returned a percentage; return a fraction between 0 and 1 (correct / total).",
                 "你返回的是百分数；请返回 0 到 1 之间的比例（correct / total）。")
    if mine == 0 and right > 0 and type(mine) is int:
        return T("Integer division: correct // total is 0; use correct / total.",
                 "整数除法：correct // total 得 0；请用 correct / total。")
    known = (
        ("argmax over dim 0", T("You took the argmax over dim 0, the batch: each row is one sample and the classes "
                                "are along dim 1, so use scores.argmax(dim=1).",
                                "你在第 0 维（批次维）上取了 argmax：每一行是一个样本，类别在第 1 维上，"
                                "请用 scores.argmax(dim=1)。")),
        ("without eval()", T("This is the accuracy with the model still in training mode: call model.eval() first, "
                             "so BatchNorm uses its running statistics (and Dropout switches off).",
                             "这是模型仍处于训练模式时的准确率：请先调用 model.eval()，"
                             "让 BatchNorm 使用运行均值和方差（并关闭 Dropout）。")),
        ("mean of batch accuracies", T("You averaged the per-batch accuracies, but the last batch is smaller: count "
                                       "correct predictions and samples over all batches, then divide once.",
                                       "你对每批的准确率求了平均，但最后一批更小：应在所有批次上统计正确数和样本数，"
                                       "最后只除一次。")),
    )
    for key, explanation in known:
        value = got.get(key)
        if type(value) is float and not math.isclose(value, right, abs_tol=1e-9) and math.isclose(mine, value, abs_tol=1e-6):
            return explanation
    return None


def graded(m, model, loader):
    extra = alternatives(model, loader)
    return {"accuracy": m.accuracy(model, loader), **extra}


ACCURACY_HINT = T(
    "model.eval(); with torch.no_grad(): for each batch, correct += (model(x).argmax(dim=1) == y).sum().item() and "
    "total += y.size(0); return correct / total.",
    "model.eval()；with torch.no_grad()：对每个批次 correct += (model(x).argmax(dim=1) == y).sum().item()，"
    "total += y.size(0)；返回 correct / total。",
)


@suite.case("accuracy of a classifier on 48 samples in batches of 8", "分类器在 48 个样本（每批 8 个）上的准确率",
            points=2, keys=("accuracy",), diagnose=name_mistake, hint=ACCURACY_HINT)
def accuracy_basic(m):
    model = spy_classifier(seed=1)
    x, y = labelled(model, 48, right=0.7)
    return graded(m, model, data.DataLoader(data.TensorDataset(x, y), batch_size=8))


@suite.case("a smaller last batch: 10 samples in batches of 4", "最后一批更小：10 个样本，每批 4 个",
            keys=("accuracy",), diagnose=name_mistake, hint=ACCURACY_HINT)
def accuracy_uneven(m):
    model = spy_classifier(seed=2)
    x, y = labelled(model, 10, right=0.6)
    return graded(m, model, data.DataLoader(data.TensorDataset(x, y), batch_size=4))


@suite.case("batches as large as the number of classes (3)", "批大小正好等于类别数（3）",
            keys=("accuracy",), diagnose=name_mistake, hint=ACCURACY_HINT)
def accuracy_square(m):
    model = spy_classifier(seed=3)
    x, y = labelled(model, 12, right=0.75)
    return graded(m, model, data.DataLoader(data.TensorDataset(x, y), batch_size=CLASSES))


@suite.case("no graph is built: the model runs under torch.no_grad()", "不建立计算图：模型在 torch.no_grad() 下运行",
            hint=T("Put the whole loop inside `with torch.no_grad():` (or decorate accuracy with @torch.no_grad()).",
                   "把整个循环放进 `with torch.no_grad():`（或者给 accuracy 加上 @torch.no_grad() 装饰器）。"))
def no_graph(m):
    model = spy_classifier(seed=4)
    x, y = labelled(model, 16, right=0.5)
    m.accuracy(model, data.DataLoader(data.TensorDataset(x, y), batch_size=8))
    return {
        "forward calls": len(model.recording),
        "forwards that recorded autograd": sum(model.recording),
        "parameters with a .grad afterwards": sum(p.grad is not None for p in model.parameters()),
    }


@suite.case("the model is in eval mode while it predicts", "模型在预测时处于评估模式",
            hint=T("Call model.eval() before the loop: the model arrives in training mode, where BatchNorm normalises "
                   "with the batch's own statistics and Dropout drops values.",
                   "在循环之前调用 model.eval()：模型传进来时处于训练模式，此时 BatchNorm 用当前批次的统计量做归一化，"
                   "Dropout 会随机丢弃数值。"),
            rule=facts(lambda run: {"eval mode in every forward": bool(run) and not any(run)}))
def eval_mode(m):
    model = spy_classifier(seed=5)
    x, y = labelled(model, 16, right=0.5)
    m.accuracy(model, data.DataLoader(data.TensorDataset(x, y), batch_size=8))
    return list(model.modes)  # the training flag each forward saw


@suite.case("a perfect classifier scores 1.0 (a Python float)", "完美的分类器得 1.0（Python 浮点数）",
            diagnose=name_mistake, keys=("accuracy",),
            hint=T("Return a float: use .item() on counts kept as tensors, and divide with /.",
                   "返回浮点数：对张量形式的计数用 .item()，并用 / 做除法。"))
def perfect(m):
    x = torch.randn(20, 5)
    loader = data.DataLoader(data.TensorDataset(x, x.argmax(dim=1)), batch_size=6)
    return {"accuracy": m.accuracy(nn.Identity(), loader)}


@suite.case("a classifier that is always wrong scores 0.0", "总是出错的分类器得 0.0", diagnose=name_mistake,
            keys=("accuracy",))
def always_wrong(m):
    x = torch.randn(12, 5)
    loader = data.DataLoader(data.TensorDataset(x, (x.argmax(dim=1) + 1) % 5), batch_size=4)
    return {"accuracy": m.accuracy(nn.Identity(), loader)}
