"""Checks for exercises/01_tensors/reduce_and_broadcast.py."""

from __future__ import annotations

import numpy as np

from grader.checks import TORCH_AND_DYNAMO, Instead, Suite, T, TensorRecord, describe, lazy, meta_or_skipped, on_meta

torch = lazy("torch")

suite = Suite("reduce_and_broadcast", names=("predict_classes", "accuracy", "row_normalise", "normalize_channels"), needs=TORCH_AND_DYNAMO)

INDICES = T(
    "_, predicted = torch.max(scores, dim=1): the second tensor holds the positions, shape (N,). Do not pass keepdim=True.",
    "_, predicted = torch.max(scores, dim=1)：第二个张量是位置，形状为 (N,)。不要传 keepdim=True。",
)

KEEPDIM = T(
    "x.sum(dim=1) has shape (N,), which lines up with the LAST dimension of x; x.sum(dim=1, keepdim=True) is (N, 1) "
    "and divides each row by its own sum.",
    "x.sum(dim=1) 的形状是 (N,)，它对齐的是 x 的最后一维；x.sum(dim=1, keepdim=True) 的形状是 (N, 1)，"
    "才会让每一行除以它自己的和。",
)

PER_CHANNEL = T(
    "A (C,) tensor lines up with W, the last dimension. Reshape mean and std with .view(1, C, 1, 1) "
    "(or .reshape(1, -1, 1, 1)) so they line up with the channels.",
    "形状为 (C,) 的张量对齐的是最后一维 W。请用 .view(1, C, 1, 1)（或 .reshape(1, -1, 1, 1)）"
    "改变 mean 和 std 的形状，让它们对齐通道维度。",
)

CIFAR_MEAN, CIFAR_STD = (0.4914, 0.4822, 0.4465), (0.247, 0.243, 0.261)


SMALL_SCORES = [[0.1, 2.0, 0.3], [1.5, 0.2, 0.9], [0.0, 0.1, 0.7], [3.0, -1.0, 2.0]]


def max_values_not_indices(got, expected):
    """torch.max(scores, dim=1)[0]: the largest scores, floats, where the (N,) int64 positions were expected.
    On the fixed scores the premise is checked to the number: the learner's values are the row maxima."""
    if not (isinstance(got, TensorRecord) and isinstance(expected, TensorRecord)) or got.values is None:
        return None
    if got.dtype not in ("float32", "float64") or expected.dtype != "int64" or got.shape != expected.shape:
        return None
    if got.shape == (len(SMALL_SCORES),) and not np.allclose(got.values, [max(r) for r in SMALL_SCORES]):
        return None
    if np.all(np.mod(got.values, 1) == 0):  # whole numbers: positions in a float dtype, another slip
        return None
    got_text = describe(got)
    return Instead(
        "These are the largest scores, not their positions: torch.max(scores, dim=1) returns (values, indices), "
        "and [0] is the values. Take [1] (or .indices, or scores.argmax(dim=1)); converting the values with "
        f".long() would not make them classes.\nyour result: {got_text}, expected int64 positions.",
        "这些是最大的得分，而不是它们的位置：torch.max(scores, dim=1) 返回 (values, indices)，[0] 是数值。"
        "请取 [1]（或 .indices，或 scores.argmax(dim=1)）；用 .long() 转换这些数值并不能得到类别。"
        f"\n你的结果：{got_text}，应为 int64 的位置。")


def grid_comparison(got, expected):
    """An accuracy above 1: (N, 1) predictions met (N,) labels and became an (N, N) grid."""
    if type(got) in (int, float) and type(expected) in (int, float) and got > 1:
        return T("Your accuracy is above 1: comparing (N, 1) predictions with (N,) labels broadcasts to an (N, N) grid. "
                 "Compare two (N,) tensors.",
                 "你的准确率超过了 1：把 (N, 1) 的预测与 (N,) 的标签比较，会广播成 (N, N) 的表格。请比较两个 (N,) 张量。")
    return None


@suite.case("predict_classes gives (N,) indices, not the notes' (N, 1)", "predict_classes 得到 (N,) 的下标，而不是笔记中的 (N, 1)",
            hint=INDICES, diagnose=max_values_not_indices)
def classes_small(m):
    return m.predict_classes(torch.tensor(SMALL_SCORES))


@suite.case("predict_classes on a (64, 10) batch of scores", "predict_classes 作用在 (64, 10) 的一批得分上", hint=INDICES,
            diagnose=max_values_not_indices)
def classes_batch(m):
    return m.predict_classes(torch.randn(64, 10))


@suite.case("predict_classes on a batch of one is (1,)", "只有一个样本时 predict_classes 的结果是 (1,)", hint=INDICES,
            diagnose=max_values_not_indices)
def classes_single(m):
    return m.predict_classes(torch.randn(1, 10))


@suite.case("accuracy of 12 predictions over 3 classes", "3 个类别、12 个预测的准确率", diagnose=grid_comparison,
            hint=T("correct = (predicted == labels).sum().item(); return correct / len(labels).",
                   "correct = (predicted == labels).sum().item()；return correct / len(labels)。"))
def accuracy_some(m):
    labels = torch.randint(0, 3, (12,))
    scores = torch.randn(12, 3)
    scores[torch.arange(6), labels[:6]] += 10.0  # the first six are certainly right
    return m.accuracy(scores, labels)


@suite.case("accuracy is 1.0 when every prediction is right", "全部预测正确时准确率为 1.0", diagnose=grid_comparison)
def accuracy_all(m):
    labels = torch.randint(0, 10, (20,))
    return m.accuracy(torch.nn.functional.one_hot(labels, 10).float(), labels)


@suite.case("accuracy is a Python float, 0.0 when nothing is right", "准确率是 Python float，全部错误时为 0.0",
            hint=T("Use .item() to leave the tensor world, then divide: 0 / 5 is 0.0.",
                   "先用 .item() 取出数字，再做除法：0 / 5 等于 0.0。"))
def accuracy_none(m):
    return m.accuracy(torch.tensor([[1.0, 0.0]] * 5), torch.ones(5, dtype=torch.long))


@suite.case("row_normalise of a (2, 5) matrix: every row sums to 1", "row_normalise 作用在 (2, 5) 矩阵上：每一行的和为 1",
            hint=KEEPDIM)
def normalise_wide(m):
    out = m.row_normalise(torch.rand(2, 5) + 0.1)
    return {"result": out, "row sums": out.sum(dim=1)}


@suite.case("row_normalise of a square (4, 4) matrix, where the wrong broadcast raises no error",
            "row_normalise 作用在 (4, 4) 方阵上：错误的广播在这里不会报错", hint=KEEPDIM)
def normalise_square(m):
    out = m.row_normalise(torch.rand(4, 4) + 0.1)
    return {"row sums": out.sum(dim=1), "result": out}


@suite.case("normalize_channels with the notes' MNIST (0.1307,), (0.3081,)",
            "normalize_channels 使用笔记中 MNIST 的 (0.1307,)、(0.3081,)")
def normalise_mnist(m):
    return m.normalize_channels(torch.rand(2, 1, 28, 28), (0.1307,), (0.3081,))


@suite.case("normalize_channels on a (2, 3, 8, 8) colour batch", "normalize_channels 作用在 (2, 3, 8, 8) 的彩色图像上",
            hint=PER_CHANNEL)
def normalise_colour(m):
    return m.normalize_channels(torch.rand(2, 3, 8, 8), CIFAR_MEAN, CIFAR_STD)


@suite.case("normalize_channels on 3x3 images with 3 channels, where the wrong broadcast raises no error",
            "normalize_channels 作用在 3 通道的 3x3 图像上：错误的广播在这里不会报错", hint=PER_CHANNEL)
def normalise_square_images(m):
    return m.normalize_channels(torch.rand(2, 3, 3, 3), CIFAR_MEAN, CIFAR_STD)


@suite.case("normalize_channels leaves the caller's images unchanged", "normalize_channels 不改动调用者的图像",
            hint=T("images - mean makes a new tensor; images.sub_(mean) or images -= mean overwrite the caller's batch.",
                   "images - mean 会得到新张量；images.sub_(mean) 或 images -= mean 会覆盖调用者的数据。"))
def normalise_untouched(m):
    images = torch.rand(2, 3, 4, 4)
    m.normalize_channels(images, CIFAR_MEAN, CIFAR_STD)
    return {"your images after the call": images}


@suite.case("normalize_channels keeps float64 images in float64", "normalize_channels 让 float64 的图像保持 float64",
            hint=T("Create mean and std with dtype=images.dtype.", "创建 mean 和 std 时用 dtype=images.dtype。"))
def normalise_double(m):
    return m.normalize_channels(torch.rand(1, 3, 2, 2, dtype=torch.float64), CIFAR_MEAN, CIFAR_STD)


@suite.case("normalize_channels on another device (meta)", "normalize_channels 在其他设备（meta）上运行",
            rule=meta_or_skipped,
            hint=T("torch.tensor(mean) lives on the CPU: create it with device=images.device.",
                   "torch.tensor(mean) 在 CPU 上：创建时要写 device=images.device。"))
def normalise_meta(m):
    images = torch.empty(4, 3, 8, 8, device="meta")
    return on_meta(lambda: m.normalize_channels(images, CIFAR_MEAN, CIFAR_STD))
