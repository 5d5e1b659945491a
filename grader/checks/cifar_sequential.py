"""Checks for exercises/07_networks/cifar_sequential.py."""

from __future__ import annotations

from grader.checks import TORCH_AND_DYNAMO, Suite, T, lazy, load_reference_weights, parameter_summary, parameter_values

torch = lazy("torch")
nn = lazy("torch.nn")

suite = Suite("cifar_sequential", names=("CifarNet",), needs=TORCH_AND_DYNAMO)

LAYER_SHAPES = T(
    "Compare your layers with the table in the statement: out_channels, kernel_size=5 and padding=2 for each Conv2d.",
    "把你的各层与题目中的表格对比：每个 Conv2d 的 out_channels、kernel_size=5 和 padding=2。",
)


def count_mistake(got, expected):
    if type(got) is dict and type(expected) is dict and type(got.get("count")) is int:
        if got["count"] < expected["count"]:
            return T("Some layers are missing, or they are kept in a plain list that nn.Module cannot see.",
                     "有些层缺失了，或者它们被放在普通的 list 里，nn.Module 看不到。")
    return None


@suite.case("(4, 3, 32, 32) images give (4, 10) scores", "(4, 3, 32, 32) 的图片得到 (4, 10) 的得分", keys=("shape",),
            hint=T("Flatten keeps the batch: after the last pool it is (N, 64, 4, 4) -> (N, 1024).",
                   "Flatten 保留批次维度：最后一次池化后是 (N, 64, 4, 4) -> (N, 1024)。"))
def output_shape(m):
    return {"shape": list(m.CifarNet()(torch.randn(4, 3, 32, 32)).shape)}


@suite.case("the model has 145,578 parameters", "模型共有 145,578 个参数", keys=("count",), diagnose=count_mistake,
            hint=LAYER_SHAPES)
def parameter_count(m):
    return parameter_summary(m.CifarNet())


@suite.case("every layer's weight and bias shapes", "每一层的 weight 和 bias 形状", keys=("shapes",),
            hint=LAYER_SHAPES)
def layer_shapes(m):
    return parameter_summary(m.CifarNet())


@suite.case("the layers live in one nn.Sequential", "所有层都在同一个 nn.Sequential 中",
            hint=T("self.model = nn.Sequential(...all nine layers...); forward returns self.model(x).",
                   "self.model = nn.Sequential(...九层...)；forward 返回 self.model(x)。"))
def uses_sequential(m):
    model = m.CifarNet()
    sequences = [s for s in model.modules() if isinstance(s, nn.Sequential)]
    return {"layers inside nn.Sequential": max((len(s) for s in sequences), default=0)}


@suite.case("with the same weights, the output equals the reference", "权重相同时，输出与参考答案一致", atol=1e-4,
            hint=T("Same layers in the same order, and no extra activation: the notes' net has none.",
                   "层相同、顺序相同，并且不要额外加激活函数：笔记中的网络没有激活函数。"))
def same_output(m):
    model = m.CifarNet()
    load_reference_weights(model, seed=1)
    return model(torch.randn(2, 3, 32, 32))


@suite.case("gradients reach every parameter", "梯度能传到每一个参数", atol=1e-4)
def gradients(m):
    model = m.CifarNet()
    load_reference_weights(model, seed=2)
    model(torch.randn(3, 3, 32, 32)).pow(2).mean().backward()
    return parameter_values(model)


@suite.case("a batch of one image works", "只有一张图片的批次也能运行", keys=("shape",),
            hint=T("Do not hard-code the batch size (e.g. view(64, -1)); use nn.Flatten() or torch.flatten(x, 1).",
                   "不要写死批大小（例如 view(64, -1)）；请用 nn.Flatten() 或 torch.flatten(x, 1)。"))
def batch_of_one(m):
    return {"shape": list(m.CifarNet()(torch.randn(1, 3, 32, 32)).shape)}


@suite.case("runs on another device (meta)", "能在其他设备（meta）上运行",
            hint=T("Do not create tensors on a fixed device in forward; the model is moved with .to(device).",
                   "不要在 forward 里在固定设备上创建张量；模型用 .to(device) 整体移动。"))
def meta_device(m):
    model = m.CifarNet().to("meta")
    return model(torch.empty(5, 3, 32, 32, device="meta"))
