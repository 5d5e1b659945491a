"""Checks for exercises/08_training/logistic_regression.py."""

from __future__ import annotations

import numpy as np

from grader.checks import TORCH_AND_DYNAMO, Suite, T, TensorRecord, lazy

torch = lazy("torch")
F = lazy("torch.nn.functional")

suite = Suite("logistic_regression", names=("sigmoid", "bce_loss", "predict", "fit_logistic"), needs=(*TORCH_AND_DYNAMO, "sklearn.datasets"))

ACCURACY_NEEDED = 0.9


def iris():
    """Versicolor (0) and virginica (1), standardised with the training part's statistics.

    Every third flower (index % 3 == 1) is held back for testing: a split that
    does not depend on any random generator.
    """
    from sklearn.datasets import load_iris

    features, labels = load_iris(return_X_y=True)
    keep = labels > 0
    x = torch.tensor(features[keep], dtype=torch.float32)
    y = torch.tensor(labels[keep] - 1, dtype=torch.float32)
    test = torch.arange(len(y)) % 3 == 1
    mean, std = x[~test].mean(0), x[~test].std(0)
    x = (x - mean) / std
    return x[~test], y[~test], x[test], y[test]


def _non_finite(value) -> bool:
    values = getattr(value, "values", None)
    return values is not None and values.dtype.kind == "f" and not np.isfinite(values).all()


def sigmoid_overflow(got, expected):
    if isinstance(got, TensorRecord) and _non_finite(got):
        return T("Your sigmoid returned nan or inf for large inputs: exp(z) overflows to inf in float32, and "
                 "inf / inf is nan. Write 1 / (1 + torch.exp(-z)).",
                 "你的 sigmoid 在输入很大时返回了 nan 或 inf：float32 中 exp(z) 会溢出成 inf，而 inf / inf 是 nan。"
                 "请写成 1 / (1 + torch.exp(-z))。")
    return None


def loss_not_finite(got, expected):
    loss = got.get("loss") if isinstance(got, dict) else got
    if isinstance(loss, TensorRecord) and _non_finite(loss):
        return T("Your loss is nan or inf: log(0) is -inf, and 0 * -inf is nan. Clamp each log at -100 the way "
                 "nn.BCELoss does: torch.log(p).clamp(min=-100).",
                 "你的损失是 nan 或 inf：log(0) 是 -inf，而 0 * -inf 是 nan。请像 nn.BCELoss 那样把每个 log 截断在 "
                 "-100 以上：torch.log(p).clamp(min=-100)。")
    return None


def threshold_mistake(got, expected):
    if isinstance(got, TensorRecord) and isinstance(expected, TensorRecord) and got.values is not None \
            and expected.values is not None:
        if got.values.shape == expected.values.shape and got.values.size > 1:
            if int(got.values[1]) == 1 and int(expected.values[1]) == 0:
                return T("A probability of exactly 0.5 (the threshold) must be class 0: use p > threshold, not >=.",
                         "概率正好等于阈值 0.5 时必须判为类别 0：请用 p > threshold，而不是 >=。")
    return None


def _fitted_scores(got, expected, features: str):
    """The learner's logits on the reference run's features, computed here in the judge with NumPy."""
    weight, bias = got["weight"].values.reshape(-1), got["bias"].values.reshape(())
    return expected[features].values.astype("float64") @ weight.astype("float64") + float(bias)


def held_out_accuracy(got, expected):
    """Judge-side: classify the reference's held-out flowers with the learner's weight and bias."""
    scores = _fitted_scores(got, expected, "x_test")
    accuracy = float(((scores > 0) == (expected["y_test"].values > 0.5)).mean())
    if accuracy < ACCURACY_NEEDED:
        return T(f"Your model classified {accuracy:.1%} of the held-out flowers correctly; "
                 f"{ACCURACY_NEEDED:.0%} is needed.",
                 f"你的模型在留出的花上准确率为 {accuracy:.1%}；至少需要 {ACCURACY_NEEDED:.0%}。")
    return None


def training_loss_low(got, expected):
    """Judge-side: the binary cross-entropy of the learner's weight and bias on the reference's training data."""
    import numpy as np

    scores = _fitted_scores(got, expected, "x")
    y = expected["y"].values.astype("float64")
    loss = float(np.mean(np.logaddexp(0, scores) - y * scores))  # BCE of sigmoid(scores), computed stably
    if not loss < 0.2:
        return T(f"The training loss after 300 epochs is {loss:.4g}; it must drop below 0.2.",
                 f"训练 300 轮后的训练损失是 {loss:.4g}；它必须降到 0.2 以下。")
    return None


BOTH_TERMS = T(
    "Both terms count: y * log(p) for the positives and (1 - y) * log(1 - p) for the negatives; "
    "take the mean over samples and put a minus sign in front.",
    "两项都要算：正类的 y * log(p) 和负类的 (1 - y) * log(1 - p)；对样本取平均，并在前面加负号。",
)


@suite.case("sigmoid of [-2, 0, 2]: 0 maps to 0.5", "sigmoid([-2, 0, 2])：0 映射到 0.5")
def sigmoid_small(m):
    return m.sigmoid(torch.tensor([-2.0, 0.0, 2.0]))


@suite.case("sigmoid of a random (3, 5) tensor", "sigmoid 作用在随机 (3, 5) 张量上")
def sigmoid_random(m):
    return m.sigmoid(torch.randn(3, 5) * 4)


@suite.case("sigmoid stays finite at ±100", "sigmoid 在 ±100 处仍是有限值", diagnose=sigmoid_overflow)
def sigmoid_extremes(m):
    return m.sigmoid(torch.tensor([-100.0, -20.0, 0.0, 20.0, 100.0]))


@suite.case("sigmoid passes gradients: d/dz = p * (1 - p)", "sigmoid 能传回梯度：d/dz = p * (1 - p)",
            hint=T("Build it from torch operations on z only (no .item(), no numpy), so autograd can follow.",
                   "只用作用在 z 上的 torch 运算（不要 .item()，不要 numpy），autograd 才能跟踪。"))
def sigmoid_grad(m):
    z = torch.randn(6, requires_grad=True)
    p = m.sigmoid(z)
    p.sum().backward()
    return {"p": p, "z": z}


@suite.case("sigmoid works on another device (meta)", "sigmoid 在其他设备（meta）上也能运行",
            hint=T("Do not create helper tensors on a fixed device: 1 + torch.exp(-z) needs none.",
                   "不要在固定设备上创建辅助张量：1 + torch.exp(-z) 根本不需要。"))
def sigmoid_meta(m):
    return m.sigmoid(torch.empty(4, 3, device="meta"))


@suite.case("bce_loss matches nn.BCELoss on random probabilities", "bce_loss 在随机概率上与 nn.BCELoss 一致",
            hint=BOTH_TERMS, diagnose=loss_not_finite)
def bce_random(m):
    p = (torch.rand(10) * 0.9 + 0.05).requires_grad_(True)
    y = torch.randint(0, 2, (10,)).float()
    loss = m.bce_loss(p, y)
    loss.backward()
    return {"loss": loss, "p": p}


@suite.case("bce_loss on confident answers (p = 0 and p = 1) stays finite",
            "bce_loss 在非常确定的答案（p = 0 和 p = 1）上仍是有限值",
            hint=T("torch.log(p).clamp(min=-100) and torch.log(1 - p).clamp(min=-100), as nn.BCELoss does.",
                   "像 nn.BCELoss 一样：torch.log(p).clamp(min=-100) 和 torch.log(1 - p).clamp(min=-100)。"),
            diagnose=loss_not_finite)
def bce_extremes(m):
    p = torch.tensor([0.0, 1.0, 1.0, 0.0, 0.5])
    y = torch.tensor([0.0, 1.0, 0.0, 1.0, 1.0])
    return m.bce_loss(p, y)


@suite.case("predict with the 0.5 threshold", "predict 使用 0.5 阈值", diagnose=threshold_mistake,
            hint=T("(p > threshold).long(): int64 labels, and exactly 0.5 is class 0.",
                   "(p > threshold).long()：int64 类别，正好 0.5 时为类别 0。"))
def predict_default(m):
    return m.predict(torch.tensor([0.2, 0.5, 0.5001, 0.9, 0.0, 1.0]))


@suite.case("predict with threshold=0.8", "predict 使用 threshold=0.8",
            hint=T("Compare with the threshold you are given, not with a fixed 0.5.",
                   "与传入的 threshold 比较，不要写死 0.5。"))
def predict_custom(m):
    return m.predict(torch.tensor([0.5, 0.79, 0.8, 0.81, 0.95]), threshold=0.8)


@suite.case("fit_logistic: 5 epochs from zero match exactly", "fit_logistic：从 0 开始训练 5 轮，结果完全一致",
            atol=1e-4, rtol=1e-3,
            hint=T("Zeros to start, full batch (all samples every step), optimizer.zero_grad() before loss.backward(), "
                   "and return (weight.detach(), bias.detach()) with shapes (F,) and ().",
                   "从 0 开始，全批量（每一步用全部样本），在 loss.backward() 之前 optimizer.zero_grad()，"
                   "返回形状为 (F,) 和 () 的 (weight.detach(), bias.detach())。"))
def fit_few_epochs(m):
    x, y, _, _ = iris()
    weight, bias = m.fit_logistic(x, y, lr=0.1, epochs=5)
    return {"weight": weight, "bias": bias}


@suite.case("fit_logistic classifies at least 90% of the held-out flowers",
            "fit_logistic 在留出的花上至少分对 90%", points=3, rule=held_out_accuracy,
            hint=T("Train with lr=0.1 for 300 epochs on the standardised features; check that the loss goes down.",
                   "在标准化后的特征上用 lr=0.1 训练 300 轮；确认损失在下降。"))
def fit_accuracy(m):
    x, y, x_test, y_test = iris()
    weight, bias = m.fit_logistic(x, y, lr=0.1, epochs=300)
    # Raw evidence: the judge classifies the reference run's flowers with this weight and bias.
    return {"weight": weight, "bias": bias, "x_test": x_test, "y_test": y_test}


@suite.case("fit_logistic lowers the training loss below 0.2", "fit_logistic 把训练损失降到 0.2 以下",
            rule=training_loss_low,
            hint=T("300 full-batch steps of lr=0.1 bring the loss to about 0.13; a loss stuck near 0.69 (= log 2) "
                   "means the parameters never moved.",
                   "lr=0.1 的 300 步全批量训练能把损失降到约 0.13；如果损失停在 0.69（= log 2）附近，说明参数根本没动。"))
def fit_loss(m):
    x, y, _, _ = iris()
    weight, bias = m.fit_logistic(x, y, lr=0.1, epochs=300)
    return {"weight": weight, "bias": bias, "x": x, "y": y}
