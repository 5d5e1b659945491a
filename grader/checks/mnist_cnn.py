"""Checks for exercises/07_networks/mnist_cnn.py."""

from __future__ import annotations

from grader.checks import (
    TORCH_AND_DYNAMO,
    Suite,
    T,
    TensorRecord,
    lazy,
    load_reference_weights,
    parameter_summary,
    parameter_values,
)

torch = lazy("torch")
nn = lazy("torch.nn")

NEEDS = TORCH_AND_DYNAMO

suite = Suite("mnist_cnn", names=("MnistCnn",), needs=NEEDS)

#: what the model counts if Linear takes the notes' (20, 20, 4) = 1600 features instead of 320
NOTES_COMMENT_COUNT = 8490 + (1600 - 320) * 10

SIZES = T(
    "Follow the size: 28 -conv5-> 24 -pool-> 12 -conv5-> 8 -pool-> 4, so 20 channels of 4x4 = 320 features.",
    "逐层跟踪尺寸：28 -卷积5-> 24 -池化-> 12 -卷积5-> 8 -池化-> 4，所以是 20 个 4x4 的通道 = 320 个特征。",
)
LAYERS = T(
    "Create conv1 = Conv2d(1, 10, 5), conv2 = Conv2d(10, 20, 5) and fc = Linear(320, 10), in this order; no padding.",
    "按顺序创建 conv1 = Conv2d(1, 10, 5)、conv2 = Conv2d(10, 20, 5) 和 fc = Linear(320, 10)；不加 padding。",
)


def count_mistake(got, expected):
    if type(got) is not dict or type(expected) is not dict or type(got.get("count")) is not int:
        return None
    if got["count"] == NOTES_COMMENT_COUNT:
        return T("Your Linear layer takes 1600 features, from the notes' comment (batch_size, 20, 20, 4). That "
                 "comment is wrong: two conv(5) + pool(2) steps take 28 down to 4, so it is (N, 20, 4, 4) and "
                 "20 x 4 x 4 = 320.",
                 "你的 Linear 层接收 1600 个特征，这来自笔记里的注释 (batch_size, 20, 20, 4)。那条注释是错的："
                 "两次 conv(5) + pool(2) 把 28 变成 4，所以是 (N, 20, 4, 4)，20 x 4 x 4 = 320。")
    if got["count"] < expected["count"]:
        return T("Some layers are missing, or they are kept in a plain list that nn.Module cannot see.",
                 "有些层缺失了，或者它们被放在普通的 list 里，nn.Module 看不到。")
    return None


def activated_output(got, expected):
    if isinstance(got, TensorRecord) and isinstance(expected, TensorRecord) and got.values is not None \
            and expected.values is not None:
        if got.values.shape == expected.values.shape and (expected.values < 0).any() and (got.values >= 0).all():
            return T("Your scores are never negative: there is an activation after the last layer. Return fc(x) as "
                     "it is; CrossEntropyLoss wants raw scores.",
                     "你的得分从不为负：最后一层之后还有激活函数。请直接返回 fc(x)；CrossEntropyLoss 需要原始得分。")
    return None


def squashed_output(got, expected):
    if isinstance(got, TensorRecord) and isinstance(expected, TensorRecord) and got.values is not None \
            and expected.values is not None and got.values.ndim == 2 and got.values.shape == expected.values.shape \
                and abs(got.values.sum(axis=1) - 1).max() < 1e-4 and abs(expected.values.sum(axis=1) - 1).max() > 1e-4:
        return T("Your rows sum to 1: there is a softmax after the last layer. Return fc(x) as it is; "
                 "CrossEntropyLoss wants raw scores.",
                 "你的每一行之和为 1：最后一层之后还有 softmax。请直接返回 fc(x)；CrossEntropyLoss 需要原始得分。")
    return activated_output(got, expected)


@suite.case("(4, 1, 28, 28) images give (4, 10) scores", "(4, 1, 28, 28) 的图片得到 (4, 10) 的得分", keys=("shape",),
            hint=SIZES)
def output_shape(m):
    x = torch.randn(4, 1, 28, 28)
    return {"shape": list(m.MnistCnn()(x).shape)}


@suite.case("the model has 8,490 parameters", "模型共有 8,490 个参数", keys=("count",), diagnose=count_mistake,
            hint=LAYERS)
def parameter_count(m):
    return parameter_summary(m.MnistCnn())


@suite.case("every layer's weight and bias shapes", "每一层的 weight 和 bias 形状", keys=("shapes",),
            hint=LAYERS)
def layer_shapes(m):
    return parameter_summary(m.MnistCnn())


@suite.case("the Linear layer receives (N, 320) features", "Linear 层接收 (N, 320) 的特征",
            hint=T("Before the Linear layer the map is (N, 20, 4, 4); flatten it with torch.flatten(x, 1) to (N, 320).",
                   "进入 Linear 层之前特征图是 (N, 20, 4, 4)；用 torch.flatten(x, 1) 展平成 (N, 320)。"))
def linear_input(m):
    x = torch.randn(3, 1, 28, 28)
    model = m.MnistCnn()
    seen = []
    for module in model.modules():
        if isinstance(module, nn.Linear):
            module.register_forward_hook(lambda _, inputs, __: seen.append(list(inputs[0].shape)))
    model(x)
    return {"input shapes of the Linear layers": seen}


@suite.case("with the same weights, the output equals the reference", "权重相同时，输出与参考答案一致", atol=1e-4,
            diagnose=activated_output,
            hint=T("Each stage is conv -> max-pool -> ReLU; nothing after the Linear layer.",
                   "每一级都是 卷积 -> 最大池化 -> ReLU；Linear 层之后什么都不加。"))
def same_output(m):
    x = torch.randn(2, 1, 28, 28)
    model = m.MnistCnn()
    load_reference_weights(model, seed=1)
    return model(x)


@suite.case("the scores are raw: some negative, rows not summing to 1", "得分是原始值：有负数，每行之和不为 1",
            diagnose=squashed_output,
            hint=T("No ReLU, sigmoid or softmax on the output: CrossEntropyLoss applies log-softmax itself.",
                   "输出上不要加 ReLU、sigmoid 或 softmax：CrossEntropyLoss 自己会做 log-softmax。"))
def raw_scores(m):
    x = torch.randn(8, 1, 28, 28)
    model = m.MnistCnn()
    load_reference_weights(model, seed=3)
    with torch.no_grad():
        return model(x)


@suite.case("gradients reach every parameter", "梯度能传到每一个参数", atol=1e-4)
def gradients(m):
    x = torch.randn(3, 1, 28, 28)
    model = m.MnistCnn()
    load_reference_weights(model, seed=2)
    model(x).pow(2).mean().backward()
    return parameter_values(model)


@suite.case("a batch of one image works", "只有一张图片的批次也能运行", keys=("shape",),
            hint=T("Do not hard-code the batch size (e.g. view(64, -1)) and do not flatten the batch away: "
                   "torch.flatten(x, 1) or x.view(x.size(0), -1).",
                   "不要写死批大小（例如 view(64, -1)），也不要把批次维度展平掉：用 torch.flatten(x, 1) 或 "
                   "x.view(x.size(0), -1)。"))
def batch_of_one(m):
    x = torch.randn(1, 1, 28, 28)
    return {"shape": list(m.MnistCnn()(x).shape)}


@suite.case("runs on another device (meta)", "能在其他设备（meta）上运行",
            hint=T("Do not create tensors on a fixed device in forward; the model is moved with .to(device).",
                   "不要在 forward 里在固定设备上创建张量；模型用 .to(device) 整体移动。"))
def meta_device(m):
    model = m.MnistCnn().to("meta")
    return model(torch.empty(5, 1, 28, 28, device="meta"))
