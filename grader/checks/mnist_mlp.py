"""Checks for exercises/07_networks/mnist_mlp.py.

The network is compared by what it registered and by its outputs once every
parameter is filled from the case's seed.
"""

from __future__ import annotations

from grader.checks import (
    TORCH_AND_DYNAMO,
    Suite,
    T,
    lazy,
    load_reference_weights,
    output_after_one_sgd_step,
    parameter_summary,
)

torch = lazy("torch")
nn = lazy("torch.nn")

suite = Suite("mnist_mlp", names=("MnistMLP",), needs=TORCH_AND_DYNAMO)

KEEP_BATCH = T(
    "Flatten from dimension 1 (x.flatten(1) or x.reshape(x.shape[0], -1)) and raise ValueError when a sample does "
    "not hold 784 values: x.view(-1, 784) turns a (4, 3, 28, 28) batch into 12 made-up samples.",
    "从第 1 维开始展平（x.flatten(1) 或 x.reshape(x.shape[0], -1)），样本不是 784 个值时抛出 ValueError："
    "x.view(-1, 784) 会把 (4, 3, 28, 28) 的一批变成 12 个凭空捏造的样本。",
)
LOGITS = T(
    "No activation after l5: the outputs are logits, and nn.CrossEntropyLoss applies the softmax itself. A ReLU "
    "there would cut off every negative score.",
    "l5 之后不接激活函数：输出是 logits，nn.CrossEntropyLoss 会自己做 softmax。在这里加 ReLU 会把所有负的分数都截掉。",
)
RELU_EACH = T(
    "A ReLU after each of l1, l2, l3 and l4: without them the five layers collapse into one linear map.",
    "l1、l2、l3、l4 之后各接一个 ReLU：没有它们，五个线性层就等于一个线性映射。",
)


def seeded_model(m, seed: int):
    model = m.MnistMLP()
    load_reference_weights(model, seed)
    return model


@suite.case("five Linear layers l1..l5, 784-512-256-128-64-10, 575050 parameters",
            "五个 Linear 层 l1..l5，784-512-256-128-64-10，共 575050 个参数")
def registered(m):
    return parameter_summary(m.MnistMLP())


@suite.case("a batch of (8, 1, 28, 28) images gives (8, 10) logits", "一批 (8, 1, 28, 28) 的图像得到 (8, 10) 的 logits",
            hint=RELU_EACH)
def images(m):
    return seeded_model(m, 705)(torch.rand(8, 1, 28, 28))


@suite.case("flat (5, 784) input gives the same logits as the same images", "展平的 (5, 784) 输入与同样的图像得到相同的 logits")
def flat_input(m):
    model = seeded_model(m, 706)
    images = torch.rand(5, 1, 28, 28)
    return {"images": model(images), "flat": model(images.reshape(5, 784))}


@suite.case("the smallest batch, one image: (1, 10)", "最小的批次，一张图像：(1, 10)")
def one_image(m):
    return seeded_model(m, 707)(torch.rand(1, 1, 28, 28))


@suite.case("the logits can be negative: no activation after l5", "logits 可以为负：l5 之后没有激活函数", hint=LOGITS)
def negative_logits(m):
    return seeded_model(m, 708)(torch.randn(6, 1, 28, 28) * 3)


@suite.case("(4, 3, 28, 28) colour images raise ValueError instead of becoming 12 samples",
            "(4, 3, 28, 28) 的彩色图像抛出 ValueError，而不是变成 12 个样本", hint=KEEP_BATCH)
def colour_images(m):
    return m.MnistMLP()(torch.rand(4, 3, 28, 28))


@suite.case("(2, 1, 14, 14) images (196 values each) raise ValueError", "(2, 1, 14, 14) 的图像（每张 196 个值）抛出 ValueError",
            hint=KEEP_BATCH)
def small_images(m):
    return m.MnistMLP()(torch.rand(2, 1, 14, 14))


@suite.case("a (3, 1568) input (two images per row) raises ValueError", "(3, 1568) 的输入（每行两张图像）抛出 ValueError",
            hint=KEEP_BATCH)
def double_rows(m):
    return m.MnistMLP()(torch.rand(3, 1568))


@suite.case("one SGD step reaches every layer", "一步 SGD 更新到每一层")
def one_step(m):
    model = seeded_model(m, 709)
    return output_after_one_sgd_step(model, torch.rand(4, 1, 28, 28), torch.rand(4, 10), lr=0.1)
