"""Checks for exercises/05_convolution/flatten_features.py."""

from __future__ import annotations

from math import prod

from grader.checks import TORCH_AND_DYNAMO, Suite, T, TensorRecord, lazy

torch = lazy("torch")
nn = lazy("torch.nn")

suite = Suite("flatten_features", names=("flatten_batch", "linear_in_features"), needs=TORCH_AND_DYNAMO)

KEEP_BATCH = T(
    "Keep dimension 0 and flatten the rest: torch.flatten(x, 1) (or x.reshape(x.size(0), -1)).",
    "保留第 0 维、展平其余维度：torch.flatten(x, 1)（或 x.reshape(x.size(0), -1)）。",
)


def cifar_features():
    return nn.Sequential(
        nn.Conv2d(3, 32, 5, padding=2), nn.MaxPool2d(2),
        nn.Conv2d(32, 32, 5, padding=2), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 5, padding=2), nn.MaxPool2d(2),
    )


def mnist_features():
    return nn.Sequential(
        nn.Conv2d(1, 10, 5), nn.MaxPool2d(2), nn.ReLU(),
        nn.Conv2d(10, 20, 5), nn.MaxPool2d(2), nn.ReLU(),
    )


# ---- flatten_batch --------------------------------------------------------------


def _shape_of(value):
    if isinstance(value, TensorRecord):
        return list(value.shape)
    if isinstance(value, dict) and isinstance(value.get("shape"), list):
        return value["shape"]
    return None


def whole_batch_flattened(got, expected):
    mine, theirs = _shape_of(got), _shape_of(expected)
    if mine is None or theirs is None or len(theirs) != 2:
        return None
    n, features = theirs
    if mine == [n * features]:
        short = T(f"torch.flatten(x) without start_dim flattened the batch too: a batch of {n} became one row of "
                  f"{n * features} = {n} x {features} values. Use torch.flatten(x, 1).",
                  f"不带 start_dim 的 torch.flatten(x) 把批次维度也展平了：{n} 个样本变成了一行 {n * features} = "
                  f"{n} x {features} 个数。请用 torch.flatten(x, 1)。")
        if (n, features) != (64, 3072):
            return short
        return T(
            f"{short.en} That is how the notes ended up with Linear(196608, 10): a layer that sees the whole batch "
            "as ONE sample, gives 10 scores for the batch instead of 10 per image, mixes the images together and "
            "fails for any other batch size (the last batch of an epoch is usually smaller).",
            f"{short.zh}笔记里写出 Linear(196608, 10) 就是这么来的：这个层把整个批次当成“一个”样本，对整个批次"
            "只给出 10 个得分而不是每张图片 10 个，把不同图片混在一起，而且批大小一变就出错（一个 epoch 的最后"
            "一批通常更小）。",
        )
    if len(mine) == 2 and mine[1] == features and mine[0] != n:
        return T("The batch size is hard-coded: use x.size(0) (or torch.flatten(x, 1)), not a fixed number.",
                 "批大小被写死了：请用 x.size(0)（或 torch.flatten(x, 1)），不要写固定的数字。")
    if len(mine) == 2 and mine[0] != n and mine[0] * mine[1] == n * features:
        return T("The number of features is hard-coded: let -1 work it out, e.g. x.reshape(x.size(0), -1).",
                 "特征数被写死了：让 -1 自动计算，例如 x.reshape(x.size(0), -1)。")
    return None


@suite.case("the notes' (64, 3, 32, 32) CIFAR batch becomes (64, 3072), not (196608,)",
            "笔记中的 (64, 3, 32, 32) CIFAR 批次变为 (64, 3072)，而不是 (196608,)",
            hint=KEEP_BATCH, diagnose=whole_batch_flattened)
def notes_batch(m):
    return {"shape": list(m.flatten_batch(torch.ones(64, 3, 32, 32)).shape)}


@suite.case("values keep their order within each sample", "每个样本内的数值保持原来的顺序", diagnose=whole_batch_flattened)
def values(m):
    return m.flatten_batch(torch.randn(2, 3, 4, 5))


@suite.case("a permuted (non-contiguous) input works", "经过 permute（内存不连续）的输入也能处理",
            hint=T(".view needs contiguous memory; torch.flatten(x, 1) and .reshape copy when they must.",
                   ".view 需要连续的内存；torch.flatten(x, 1) 和 .reshape 会在必要时复制。"),
            diagnose=whole_batch_flattened)
def permuted(m):
    return m.flatten_batch(torch.randn(2, 5, 4, 3).permute(0, 3, 1, 2))


@suite.case("a batch of one image stays 2-D: (1, 1024)", "只有一张图片的批次仍然是二维的：(1, 1024)",
            hint=KEEP_BATCH, diagnose=whole_batch_flattened)
def batch_of_one(m):
    return {"shape": list(m.flatten_batch(torch.randn(1, 64, 4, 4)).shape)}


@suite.case("(N, F) stays as it is and (N, T, F) becomes (N, T * F)", "(N, F) 保持不变，(N, T, F) 变为 (N, T * F)",
            hint=KEEP_BATCH)
def other_ranks(m):
    return {"2-D": m.flatten_batch(torch.randn(4, 6)), "3-D": m.flatten_batch(torch.randn(3, 2, 5))}


@suite.case("the result feeds Linear(3072, 10): one row of scores per image",
            "结果可以送进 Linear(3072, 10)：每张图片一行得分", hint=KEEP_BATCH, atol=1e-4)
def into_linear(m):
    layer = nn.Linear(3072, 10)
    return layer(m.flatten_batch(torch.randn(5, 3, 32, 32)))


@suite.case("gradients flow back through flatten_batch", "梯度能穿过 flatten_batch 传回",
            hint=T("Use tensor operations only; .detach(), .numpy() or torch.tensor(...) cut the graph.",
                   "只用张量运算；.detach()、.numpy() 或 torch.tensor(...) 会切断计算图。"))
def gradients(m):
    x = torch.randn(3, 2, 3, 3, requires_grad=True)
    out = m.flatten_batch(x)
    (out * torch.arange(out.numel(), dtype=torch.float32).reshape(out.shape)).sum().backward()
    return {"output": out, "x": x}


@suite.case("flatten_batch runs on another device (meta)", "flatten_batch 能在其他设备（meta）上运行",
            diagnose=whole_batch_flattened)
def flatten_meta(m):
    return m.flatten_batch(torch.empty(8, 16, 5, 5, device="meta"))


# ---- linear_in_features ---------------------------------------------------------


def in_features_mistake(channels: int, spatial: tuple[int, int]):
    def diagnose(got, expected):
        if isinstance(got, (list, tuple)):
            return T("Return one int, the product C * H * W, not the shape.", "返回一个 int，即乘积 C * H * W，而不是形状。")
        if type(got) is not int or type(expected) is not int or got == expected:
            return None
        if got == channels:
            return T("That is only the number of channels: in_features is channels * height * width of one sample "
                     f"({channels} * {spatial[0]} * {spatial[1]} here).",
                     "这只是通道数：in_features 是一个样本的 通道数 * 高 * 宽"
                     f"（这里是 {channels} * {spatial[0]} * {spatial[1]}）。")
        if got == prod(spatial):
            return T("That is only height * width: multiply by the number of channels too.",
                     "这只是 高 * 宽：还要乘以通道数。")
        if got > expected and got % expected == 0:
            return T(f"That is {got // expected} times the answer: you counted every value of the dummy BATCH. "
                     "Use a batch of one sample, or count out[0].numel().",
                     f"这是正确答案的 {got // expected} 倍：你把整个假“批次”的数值都数进去了。"
                     "请用只含一个样本的批次，或者数 out[0].numel()。")
        return None

    return diagnose


DUMMY_PASS = T(
    "out = features(torch.zeros(1, *input_shape)); return out[0].numel() (or torch.flatten(out, 1).shape[1]).",
    "out = features(torch.zeros(1, *input_shape))；return out[0].numel()（或 torch.flatten(out, 1).shape[1]）。",
)


@suite.case("the CIFAR net's conv part on (3, 32, 32) -> 1024", "CIFAR 网络的卷积部分作用在 (3, 32, 32) 上 -> 1024",
            hint=DUMMY_PASS, diagnose=in_features_mistake(64, (4, 4)))
def cifar(m):
    return m.linear_in_features(cifar_features(), (3, 32, 32))


@suite.case("the MNIST net's conv part on (1, 28, 28) -> 320 (20 x 4 x 4)",
            "MNIST 网络的卷积部分作用在 (1, 28, 28) 上 -> 320（20 x 4 x 4）",
            hint=DUMMY_PASS, diagnose=in_features_mistake(20, (4, 4)))
def mnist(m):
    return m.linear_in_features(mnist_features(), (1, 28, 28))


@suite.case("a non-square (3, 40, 24) input -> 64 x 5 x 3 = 960", "非正方形的 (3, 40, 24) 输入 -> 64 x 5 x 3 = 960",
            hint=T("Do not hard-code 1024 or 320: measure what the stack outputs for this input_shape.",
                   "不要写死 1024 或 320：测量这部分网络对这个 input_shape 的输出。"),
            diagnose=in_features_mistake(64, (5, 3)))
def rectangular(m):
    return m.linear_in_features(cifar_features(), (3, 40, 24))


@suite.case("the measured size builds a working CIFAR classifier", "用测得的尺寸能搭出可以运行的 CIFAR 分类器",
            keys=("output shape",), hint=DUMMY_PASS)
def builds_classifier(m):
    features = cifar_features()
    model = nn.Sequential(features, nn.Flatten(), nn.Linear(m.linear_in_features(features, (3, 32, 32)), 10))
    return {"output shape": list(model(torch.randn(4, 3, 32, 32)).shape)}


@suite.case("BatchNorm's running statistics and the module's mode are left as they were",
            "BatchNorm 的运行均值和方差和模块的模式保持原样",
            hint=T("A forward pass in training mode updates BatchNorm's running statistics. "
                   "Remember was_training = features.training; call features.eval(); run under torch.no_grad(); then "
                   "features.train(was_training).",
                   "训练模式下的前向传播会更新 BatchNorm 的运行均值和方差。"
                   "先记下 was_training = features.training；调用 features.eval()；在 torch.no_grad() 下运行；"
                   "最后 features.train(was_training)。"))
def leaves_module_alone(m):
    features = nn.Sequential(nn.Conv2d(3, 8, 3), nn.BatchNorm2d(8), nn.ReLU(), nn.MaxPool2d(2))
    batch_norm = features[1]
    with torch.no_grad():
        batch_norm.running_mean.uniform_(-1, 1)
    trained = m.linear_in_features(features, (3, 10, 12))
    train_result = {
        "in_features": trained,
        "BatchNorm running_mean after the call": batch_norm.running_mean.detach().clone(),
        "BatchNorm num_batches_tracked after the call": int(batch_norm.num_batches_tracked),
        "still in training mode": features.training and batch_norm.training,
    }
    features.eval()
    m.linear_in_features(features, (3, 10, 12))
    return {**train_result, "an eval-mode module stays in eval mode": not features.training}


@suite.case("a module on the meta device", "模块在 meta 设备上",
            hint=T("Create the dummy input on the module's device: device=next(features.parameters()).device.",
                   "假输入要创建在模块所在的设备上：device=next(features.parameters()).device。"),
            diagnose=in_features_mistake(64, (4, 4)))
def meta_module(m):
    return m.linear_in_features(cifar_features().to("meta"), (3, 32, 32))


@suite.case("a module on the meta device whose first layer is a Linear: (5, 12) -> 5 x 8 = 40",
            "模块在 meta 设备上，第一层是 Linear：(5, 12) -> 5 x 8 = 40",
            hint=T("Create the dummy input on the module's device: device=next(features.parameters()).device. "
                   "(A Conv2d with weights on another device may quietly accept a CPU input; a Linear does not.)",
                   "假输入要创建在模块所在的设备上：device=next(features.parameters()).device。"
                   "（权重在其他设备上的 Conv2d 可能会默默接受 CPU 上的输入；Linear 不会。）"))
def meta_linear_first(m):
    return m.linear_in_features(nn.Sequential(nn.Linear(12, 8), nn.ReLU()).to("meta"), (5, 12))


@suite.case("a stack without parameters (two poolings) -> 3 x 4 x 4 = 48", "没有参数的网络（两次池化）-> 3 x 4 x 4 = 48",
            hint=T("next(features.parameters()) raises StopIteration when there are none: use "
                   "next(features.parameters(), None) and fall back to the CPU.",
                   "没有参数时 next(features.parameters()) 会抛出 StopIteration：请用 "
                   "next(features.parameters(), None)，没有参数时退回到 CPU。"),
            diagnose=in_features_mistake(3, (4, 4)))
def no_parameters(m):
    return m.linear_in_features(nn.Sequential(nn.MaxPool2d(2), nn.MaxPool2d(2)), (3, 16, 16))


@suite.case("a float64 module gets a float64 dummy input", "float64 的模块要用 float64 的假输入",
            hint=T("Create the dummy input with the parameters' dtype: dtype=param.dtype.",
                   "用参数的 dtype 创建假输入：dtype=param.dtype。"),
            diagnose=in_features_mistake(20, (4, 4)))
def double(m):
    return m.linear_in_features(mnist_features().double(), (1, 28, 28))
