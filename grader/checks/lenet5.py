"""Checks for exercises/07_networks/lenet5.py.

Layer names are free: the model is compared by its parameter shapes and count
and by its outputs once every parameter is filled from the case's seed (the
seeding follows what each parameter is, not its name or registration order).
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

suite = Suite("lenet5", names=("LeNet5",), needs=TORCH_AND_DYNAMO)

AVERAGE = T(
    "LeNet pools with nn.AvgPool2d(2): the mean of each 2x2 window, not its maximum.",
    "LeNet 用 nn.AvgPool2d(2) 池化：取每个 2x2 窗口的平均值，而不是最大值。",
)
TANH = T(
    "Every hidden layer is followed by nn.Tanh() (after both convolutions and the first two Linear layers); the "
    "last Linear has no activation.",
    "每个隐藏层之后都接 nn.Tanh()（两个卷积之后，以及前两个 Linear 之后）；最后一个 Linear 不接激活函数。",
)
PADDING = T(
    "The first convolution pads by 2 (padding=2): 28 + 2*2 - 5 + 1 = 28, so the second stage ends at 5x5 and the "
    "first Linear has 16 * 5 * 5 = 400 inputs.",
    "第一个卷积填充 2（padding=2）：28 + 2*2 - 5 + 1 = 28，所以第二阶段结束时是 5x5，第一个 Linear 有 "
    "16 * 5 * 5 = 400 个输入。",
)


def seeded(m, seed: int):
    model = m.LeNet5()
    load_reference_weights(model, seed)
    return model


@suite.case("61,706 parameters", "共有 61,706 个参数", keys=("count",), hint=PADDING)
def count(m):
    return parameter_summary(m.LeNet5())


@suite.case("every layer's weight and bias shapes", "每一层的 weight 和 bias 形状", keys=("shapes",), hint=PADDING)
def shapes(m):
    return parameter_summary(m.LeNet5())


@suite.case("(5, 1, 28, 28) digits give (5, 10) scores", "(5, 1, 28, 28) 的数字得到 (5, 10) 的得分", hint=TANH)
def scores(m):
    return seeded(m, 740)(torch.rand(5, 1, 28, 28))


@suite.case("a batch of one digit", "只有一个数字的批次")
def one_digit(m):
    return seeded(m, 741)(torch.rand(1, 1, 28, 28))


@suite.case("average pooling: a digit with a single bright pixel reaches the scores through the mean",
            "平均池化：只有一个亮像素的数字通过平均值影响得分", hint=AVERAGE)
def one_bright_pixel(m):
    x = torch.zeros(2, 1, 28, 28)
    x[0, 0, 13, 13] = 1.0
    x[1, 0, 3, 20] = -1.0
    return seeded(m, 742)(x)


@suite.case("the scores can be negative and above 1: no activation after the last Linear",
            "得分可以为负，也可以大于 1：最后一个 Linear 之后没有激活函数", hint=TANH)
def raw_scores(m):
    model = seeded(m, 743)
    with torch.no_grad():
        for p in model.parameters():
            p.mul_(8)
    return model(torch.randn(4, 1, 28, 28))


@suite.case("the gradient reaches every input pixel", "梯度能到达每个输入像素", hint=AVERAGE)
def input_gradient(m):
    x = torch.rand(1, 1, 28, 28, requires_grad=True)
    seeded(m, 744)(x).sum().backward()
    return x.grad


@suite.case("one SGD step reaches every layer", "一步 SGD 更新到每一层")
def one_step(m):
    return output_after_one_sgd_step(seeded(m, 745), torch.rand(3, 1, 28, 28), torch.rand(3, 10), lr=0.1)
