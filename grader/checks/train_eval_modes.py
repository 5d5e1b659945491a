"""Checks for exercises/06_layers/train_eval_modes.py."""

from __future__ import annotations

import numpy as np

from grader.checks import TORCH_AND_DYNAMO, Suite, T, TensorRecord, lazy, load_reference_weights

torch = lazy("torch")
nn = lazy("torch.nn")

NEEDS = TORCH_AND_DYNAMO

suite = Suite(
    "train_eval_modes",
    names=("dropout_scale", "run_dropout", "run_batchnorm", "batchnorm_running_stats", "predict"),
    needs=NEEDS,
)

PROBABILITIES = (0.0, 0.2, 0.5, 0.9)
#: the notes' 5x5 input, used here as one single-channel image
NOTES_INPUT = [[1, 2, 0, 3, 1], [0, 1, 2, 3, 1], [1, 2, 1, 0, 0], [5, 2, 3, 1, 1], [2, 1, 0, 1, 1]]

SET_THE_MODE = T(
    "layer.train(training) sets the mode in one call (layer.train(False) is layer.eval()). A new layer starts in "
    "training mode.",
    "layer.train(training) 一次就能设置模式（layer.train(False) 就是 layer.eval()）。新建的层默认处于训练模式。",
)
EVAL_BEFORE_PREDICTING = T(
    "Call model.eval() before the forward pass: Dropout then keeps every value and BatchNorm uses its running "
    "statistics instead of the batch's.",
    "在前向计算之前调用 model.eval()：这样 Dropout 会保留所有值，BatchNorm 会使用运行均值和方差而不是当前批次的统计量。",
)


def scale_mistake(got, expected):
    if not isinstance(got, list) or len(got) != len(PROBABILITIES):
        return None
    if all(isinstance(g, (int, float)) and abs(g - (1 - p)) < 1e-6 for g, p in zip(got, PROBABILITIES)):
        return T("You returned 1 - p, the keep probability. PyTorch divides the kept values by it, so the factor is "
                 "1 / (1 - p): with p = 0.5 the survivors are doubled.",
                 "你返回的是 1 - p，也就是保留的概率。PyTorch 用它去除保留下来的值，所以系数是 1 / (1 - p)："
                 "p = 0.5 时保留下来的值会翻倍。")
    return None


def dropout_still_active(got, expected):
    if isinstance(got, TensorRecord) and isinstance(expected, TensorRecord) and got.values is not None \
            and expected.values is not None:
        if got.values.shape == expected.values.shape and ((got.values == 0) & (expected.values != 0)).any():
            return T("Some values were zeroed, so dropout is still active: a new nn.Dropout is in training mode "
                     "until you call .eval() (or .train(False)).",
                     "有些值被置 0 了，说明 dropout 仍在起作用：新建的 nn.Dropout 处于训练模式，"
                     "直到你调用 .eval()（或 .train(False)）。")
    return None


def normalised_in_eval(got, expected):
    if isinstance(got, TensorRecord) and got.values is not None and got.values.ndim == 4:
        channels = got.values.transpose(1, 0, 2, 3).reshape(got.values.shape[1], -1)
        if np.allclose(channels.mean(axis=1), 0, atol=1e-3) and np.allclose(channels.var(axis=1), 1, atol=1e-2):
            return T("Your output has mean 0 and variance 1 in every channel: it was normalised with the batch's "
                     "statistics, as in training. In eval mode BatchNorm uses its running statistics (0 and 1 for a "
                     "new layer), so the output stays close to the input.",
                     "你的输出每个通道的均值都是 0、方差都是 1：它是用当前批次的统计量归一化的，这是训练模式的行为。"
                     "评估模式下 BatchNorm 使用运行均值和方差（新建的层是 0 和 1），所以输出与输入非常接近。")
    return None


def running_stats_mistake(got, expected):
    """Name the mistake behind a wrong answer for the notes' 5x5 input."""
    if not isinstance(got, dict):
        return None
    mean, var = got.get("running_mean"), got.get("running_var")
    means = mean.values if isinstance(mean, TensorRecord) else None
    variances = var.values if isinstance(var, TensorRecord) else None
    if means is None or variances is None or means.size != 1 or variances.size != 1:
        return None
    data = np.array(NOTES_INPUT, dtype=np.float64).ravel()
    got_mean, got_var = float(means.ravel()[0]), float(variances.ravel()[0])

    def near(a: float, b: float) -> bool:
        return abs(a - b) < 1e-4

    if near(got_var, 0.9 + 0.1 * data.var()):
        return T("running_var used the biased variance (divided by n). BatchNorm normalises with the biased "
                 "variance, but the running_var it stores uses the unbiased one, divided by n - 1: "
                 "x.var(dim=(0, 2, 3)) with its default unbiased=True.",
                 "running_var 用了有偏方差（除以 n）。BatchNorm 归一化时用有偏方差，但它保存的 running_var 用的是"
                 "无偏方差，除以 n - 1：即默认 unbiased=True 的 x.var(dim=(0, 2, 3))。")
    if near(got_mean, 0.9 * data.mean()) or near(got_var, 0.1 + 0.9 * data.var(ddof=1)):
        return T("The momentum works the other way round: new = (1 - momentum) * old + momentum * batch, so with "
                 "momentum = 0.1 the running statistics move only 10% of the way towards the batch's.",
                 "momentum 的方向反了：new = (1 - momentum) * old + momentum * batch，所以 momentum = 0.1 时，"
                 "运行均值和方差只向当前批次的统计量移动 10%。")
    if near(got_mean, data.mean()):
        return T("These are the batch's own statistics. The running statistics start at mean 0 and variance 1 and "
                 "move only momentum = 0.1 of the way towards each batch's.",
                 "这是当前批次自己的统计量。运行均值和方差从均值 0、方差 1 开始，每个批次只向它移动 momentum = 0.1 的比例。")
    return None


def named_stats(result):
    """The returned pair, named, so that a message says which one differs."""
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        return result  # compared as it is: the message shows what came back
    return {"running_mean": result[0], "running_var": result[1]}


def warmed_up_model(seed: int):
    """A small classifier with BatchNorm and Dropout whose running statistics have seen some data."""
    model = nn.Sequential(nn.Linear(6, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Dropout(0.5), nn.Linear(8, 3))
    load_reference_weights(model, seed)
    with torch.no_grad():
        for _ in range(3):
            model(torch.randn(16, 6) * 2 + 1)
    return model


# ---- Dropout ----------------------------------------------------------------


@suite.case("dropout_scale for p = 0, 0.2, 0.5 and 0.9", "p = 0、0.2、0.5、0.9 时的 dropout_scale",
            diagnose=scale_mistake,
            hint=T("The kept values are divided by the probability of being kept, 1 - p.",
                   "保留下来的值要除以“被保留的概率” 1 - p。"))
def scale_values(m):
    return [m.dropout_scale(p) for p in PROBABILITIES]


@suite.case("dropout_scale raises ValueError for p = 1, p = -0.1 and p = 1.5",
            "p = 1、p = -0.1、p = 1.5 时 dropout_scale 抛出 ValueError",
            hint=T("With p = 1 nothing is kept, so no factor exists (1 / 0): check 0 <= p < 1 first and "
                   "raise ValueError(...) otherwise.",
                   "p = 1 时什么也不保留，系数不存在（1 / 0）：先检查 0 <= p < 1，不满足就 raise ValueError(...)。"))
def scale_rejects(m):
    outcomes = []
    for p in (1.0, -0.1, 1.5):
        try:
            m.dropout_scale(p)
            outcomes.append("no error")
        except NotImplementedError:
            raise  # not written yet: let the usual explanation show
        except Exception as error:  # the type is the answer
            outcomes.append(type(error).__name__)
    return outcomes


@suite.case("run_dropout in eval mode returns x unchanged", "评估模式下 run_dropout 原样返回 x",
            diagnose=dropout_still_active, hint=SET_THE_MODE)
def dropout_eval(m):
    return m.run_dropout(torch.randn(6, 7), 0.5, False)


DROPOUT_P = 0.3


def dropout_behaviour(got, expected):
    """Judge-side: the learner's dropout output and gradient against the reference run's input x."""
    import numpy as np

    from grader.judge.compare import first_difference

    x = expected["x"].values.astype("float64")
    scale = 1 / (1 - DROPOUT_P)

    def dropout_facts(run) -> dict:
        out, grad = run["output"].values.astype("float64"), run["x.grad"].values.astype("float64")
        kept = out != 0
        return {
            "every value is 0 or x / (1 - p)": bool(np.allclose(out[kept], x[kept] * scale, rtol=1e-4, atol=1e-5)),
            "share of zeros is within 0.05 of p": abs(float((~kept).mean()) - DROPOUT_P) < 0.05,
            "x.grad is 1 / (1 - p) where kept, 0 where dropped": bool(np.allclose(grad, kept * scale, atol=1e-5)),
        }

    return first_difference(dropout_facts(got), dropout_facts(expected), atol=0, rtol=0)


@suite.case("run_dropout in training mode: zeros about p of the values, scales the rest by 1/(1-p)",
            "训练模式下 run_dropout：约 p 比例的值被置 0，其余乘以 1/(1-p)", hint=SET_THE_MODE,
            rule=dropout_behaviour)
def dropout_train(m):
    p = 0.3
    x = (torch.rand(50, 40) + 0.5).requires_grad_(True)
    out = m.run_dropout(x, p, True)
    out.sum().backward()
    return {"x": x.detach(), "output": out.detach(), "x.grad": x.grad}  # the judge checks them (dropout_facts)


@suite.case("run_dropout on another device (meta)", "run_dropout 在其他设备（meta）上运行")
def dropout_meta(m):
    return m.run_dropout(torch.empty(4, 5, device="meta"), 0.5, False)


# ---- BatchNorm --------------------------------------------------------------


@suite.case("run_batchnorm in training mode normalises each channel with the batch's statistics",
            "训练模式下 run_batchnorm 用当前批次的统计量归一化每个通道", atol=1e-4, hint=SET_THE_MODE)
def batchnorm_train(m):
    return m.run_batchnorm(torch.randn(8, 3, 4, 4) * 3 + 2, True).detach()


@suite.case("a new run_batchnorm in eval mode uses running mean 0 and variance 1",
            "新建的 BatchNorm 在评估模式下使用运行均值 0 和方差 1", atol=1e-4,
            diagnose=normalised_in_eval, hint=SET_THE_MODE)
def batchnorm_eval(m):
    return m.run_batchnorm(torch.randn(8, 3, 4, 4) * 3 + 2, False).detach()


@suite.case("training mode refuses one value per channel: (1, 3, 1, 1) raises ValueError",
            "训练模式拒绝每个通道只有一个值的输入：(1, 3, 1, 1) 抛出 ValueError",
            hint=T("Let nn.BatchNorm2d raise it: the variance of a single value is meaningless. It is one more "
                   "reason to predict single images in eval mode.",
                   "让 nn.BatchNorm2d 自己抛出：单个值的方差没有意义。这也是预测单张图片时要用评估模式的原因之一。"))
def batchnorm_single_train(m):
    return m.run_batchnorm(torch.randn(1, 3, 1, 1), True)


@suite.case("eval mode handles a single (1, 3, 1, 1) sample", "评估模式可以处理单个 (1, 3, 1, 1) 样本",
            hint=SET_THE_MODE)
def batchnorm_single_eval(m):
    return m.run_batchnorm(torch.randn(1, 3, 1, 1), False).detach()


@suite.case("run_batchnorm on another device (meta)", "run_batchnorm 在其他设备（meta）上运行",
            hint=T("Create the layer where the data is: nn.BatchNorm2d(x.shape[1], device=x.device).",
                   "在数据所在的设备上创建层：nn.BatchNorm2d(x.shape[1], device=x.device)。"))
def batchnorm_meta(m):
    return m.run_batchnorm(torch.empty(2, 3, 4, 4, device="meta"), False)


@suite.case("running statistics after the notes' 5x5 input: mean 0.14, variance 1.0417",
            "笔记中的 5x5 输入之后的运行均值和方差：均值 0.14，方差 1.0417",
            diagnose=running_stats_mistake,
            hint=T("Let a BatchNorm2d in training mode see the batch, then read layer.running_mean and "
                   "layer.running_var.",
                   "让处于训练模式的 BatchNorm2d 处理这个批次，再读取 layer.running_mean 和 layer.running_var。"))
def running_notes(m):
    x = torch.tensor(NOTES_INPUT, dtype=torch.float32).reshape(1, 1, 5, 5)
    return named_stats(m.batchnorm_running_stats([x]))


@suite.case("running statistics after three batches of 3 channels", "三个 3 通道批次之后的运行均值和方差",
            hint=T("Use ONE layer for all batches: each update starts from the previous running values.",
                   "所有批次都用同一个层：每次更新都从上一次的运行均值和方差出发。"))
def running_three(m):
    batches = [torch.randn(4, 3, 5, 5) * s + s for s in (1.0, 2.0, 3.0)]
    return named_stats(m.batchnorm_running_stats(batches))


@suite.case("momentum=None averages the batch statistics", "momentum=None 时对各批次的统计量取平均",
            hint=T("Pass momentum straight to nn.BatchNorm2d(C, momentum=momentum); None means a cumulative average.",
                   "把 momentum 直接传给 nn.BatchNorm2d(C, momentum=momentum)；None 表示累计平均。"))
def running_average(m):
    batches = [torch.randn(6, 2, 3, 3) * s - s for s in (0.5, 1.0, 4.0)]
    return named_stats(m.batchnorm_running_stats(batches, momentum=None))


# ---- predict ----------------------------------------------------------------


@suite.case("predict gives the eval-mode output of a model with BatchNorm and Dropout",
            "predict 给出含 BatchNorm 和 Dropout 的模型在评估模式下的输出", atol=1e-4, hint=EVAL_BEFORE_PREDICTING)
def predict_output(m):
    model = warmed_up_model(seed=1)
    x = torch.randn(5, 6)
    return m.predict(model, x).detach()


@suite.case("predict builds no autograd graph", "predict 不建立计算图",
            hint=T("Run the forward pass inside `with torch.no_grad():`; evaluation needs no gradients.",
                   "把前向计算放进 `with torch.no_grad():` 中；评估不需要梯度。"))
def predict_no_graph(m):
    model = warmed_up_model(seed=2)
    out = m.predict(model, torch.randn(3, 6))
    return {"output requires grad": getattr(out, "requires_grad", True)}


@suite.case("predict puts a training model back in training mode", "predict 把训练模式的模型恢复为训练模式",
            hint=T("Remember the modes before calling model.eval() and restore them afterwards, so the training "
                   "loop can go on.",
                   "调用 model.eval() 之前记住原来的模式，之后再恢复，这样训练循环才能继续。"))
def predict_restores_training(m):
    model = warmed_up_model(seed=3)
    model.train()
    m.predict(model, torch.randn(3, 6))
    return {"model.training afterwards": model.training,
            "training flags of the submodules afterwards": [s.training for s in model.modules()]}


@suite.case("predict leaves a model in eval mode in eval mode", "predict 让评估模式的模型保持评估模式",
            hint=T("Restore the mode the model had, not always training: model.train(was_training).",
                   "恢复模型原来的模式，而不是一律恢复为训练模式：model.train(was_training)。"))
def predict_keeps_eval(m):
    model = warmed_up_model(seed=4)
    model.eval()
    m.predict(model, torch.randn(3, 6))
    return {"model.training afterwards": model.training,
            "training flags of the submodules afterwards": [s.training for s in model.modules()]}


def modes_overwritten(got, expected):
    """The whole model was put back with one flag, while its submodules had different ones."""
    if isinstance(got, dict) and isinstance(expected, dict):
        mine, theirs = got.get("training flags afterwards"), expected.get("training flags afterwards")
        if isinstance(mine, list) and isinstance(theirs, list) and len(set(theirs)) > 1 and len(set(mine)) == 1:
            return T("Every submodule came back with the same flag: model.train(was_training) sets the flag of every "
                     "submodule, also of a layer that was kept in eval mode on purpose (a frozen BatchNorm or "
                     "Dropout). Remember each submodule's own flag, [(m, m.training) for m in model.modules()], and "
                     "put each one back.",
                     "所有子模块恢复后的模式都一样：model.train(was_training) 会设置每个子模块的模式，"
                     "包括特意保持在评估模式的层（被冻结的 BatchNorm 或 Dropout）。请记住每个子模块自己的模式，"
                     "[(m, m.training) for m in model.modules()]，再逐个恢复。")
    return None


@suite.case("predict restores each submodule's own mode: a model in training with a frozen BatchNorm and Dropout",
            "predict 恢复每个子模块自己的模式：训练模式的模型中有被冻结的 BatchNorm 和 Dropout",
            diagnose=modes_overwritten)
def predict_restores_mixed(m):
    model = warmed_up_model(seed=6)
    model.train()
    model[1].eval()  # a frozen BatchNorm, as when fine-tuning
    model[3].eval()
    m.predict(model, torch.randn(3, 6))
    return {"training flags afterwards": [s.training for s in model.modules()]}


@suite.case("predict does not change BatchNorm's running statistics", "predict 不改变 BatchNorm 的运行均值和方差",
            hint=EVAL_BEFORE_PREDICTING)
def predict_keeps_stats(m):
    model = warmed_up_model(seed=5)
    x = torch.randn(7, 6) * 10
    m.predict(model, x)
    norm = model[1]
    return {"running_mean": norm.running_mean, "running_var": norm.running_var}
