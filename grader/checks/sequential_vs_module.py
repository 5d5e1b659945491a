"""Checks for exercises/04_modules/sequential_vs_module.py."""

from __future__ import annotations

from typing import Any

from grader.checks import (
    TORCH_AND_DYNAMO,
    Suite,
    T,
    TensorRecord,
    lazy,
    load_reference_weights,
    output_after_one_sgd_step,
    parameter_summary,
    parameter_values,
)

torch = lazy("torch")
nn = lazy("torch.nn")

NEEDS = TORCH_AND_DYNAMO

suite = Suite("sequential_vs_module", names=("make_named_sequential", "LayerStack"), needs=NEEDS)

SIZES = [4, 8, 8, 2]

NAMED = T(
    "nn.Sequential(OrderedDict([(\"conv1\", nn.Conv2d(1, 20, 5)), (\"relu1\", nn.ReLU()), ...])): the keys become "
    "the layer names.",
    "nn.Sequential(OrderedDict([(\"conv1\", nn.Conv2d(1, 20, 5)), (\"relu1\", nn.ReLU()), ...]))：键会成为各层的名字。",
)
MODULE_LIST = T(
    "self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in zip(sizes, sizes[1:])) registers every layer.",
    "self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in zip(sizes, sizes[1:])) 会注册每一层。",
)


def numbered_layers(got, expected):
    if isinstance(got, list) and got and all(isinstance(name, str) and name.isdigit() for name in got):
        return T("Your layers are numbered 0, 1, 2, ...: positional arguments get numbers. To name them, pass an "
                 "OrderedDict of (name, layer) pairs to nn.Sequential.",
                 "你的层被编号为 0、1、2……：按位置传入的层只会得到编号。要给它们起名字，请把由 (名字, 层) 组成的 "
                 "OrderedDict 传给 nn.Sequential。")
    return None


def unregistered(got, expected):
    if type(got) is dict and type(expected) is dict and got.get("count") == 0 and expected.get("count"):
        return T("No parameters are registered: the layers are kept in a plain Python list, which nn.Module cannot "
                 "see. Only modules assigned as attributes, or held by nn.ModuleList / nn.Sequential / "
                 "nn.ModuleDict, are registered.",
                 "没有注册任何参数：这些层放在普通的 Python 列表里，nn.Module 看不到它们。只有直接赋值为属性、"
                 "或放在 nn.ModuleList / nn.Sequential / nn.ModuleDict 里的模块才会被注册。")
    return None


def relu_on_output(got, expected):
    if isinstance(got, TensorRecord) and isinstance(expected, TensorRecord) and got.values is not None \
            and expected.values is not None:
        if got.values.shape == expected.values.shape and (expected.values < 0).any() and (got.values >= 0).all():
            return T("Your output has no negative values: there is a ReLU after the last layer too. Apply it "
                     "between layers only; the last layer's output stays raw.",
                     "你的输出没有负数：最后一层之后也做了 ReLU。只在层与层之间使用它；最后一层的输出保持原样。")
    return None


# ---- make_named_sequential --------------------------------------------------


@suite.case("the layers are named conv1, relu1, conv2, relu2", "各层的名字是 conv1、relu1、conv2、relu2",
            diagnose=numbered_layers, hint=NAMED)
def layer_names(m):
    return [name for name, _ in m.make_named_sequential().named_children()]


@suite.case("the names are attributes: model.conv1 is Conv2d(1, 20, 5), model.conv2 is Conv2d(20, 64, 5)",
            "名字就是属性：model.conv1 是 Conv2d(1, 20, 5)，model.conv2 是 Conv2d(20, 64, 5)", hint=NAMED)
def named_attributes(m):
    model = m.make_named_sequential()
    result: dict[str, Any] = {}
    for name in ("conv1", "conv2"):
        layer = getattr(model, name, None)
        result[f"model.{name}"] = type(layer).__name__
        if isinstance(layer, nn.Conv2d):
            result[f"model.{name} (in, out, kernel)"] = [layer.in_channels, layer.out_channels, layer.kernel_size[0]]
    result["model.relu1"] = type(getattr(model, "relu1", None)).__name__
    return result


@suite.case("parameters conv1.weight, conv1.bias, conv2.weight, conv2.bias: 32,584 in all",
            "参数 conv1.weight、conv1.bias、conv2.weight、conv2.bias：共 32,584 个", hint=NAMED)
def named_parameters(m):
    return parameter_summary(m.make_named_sequential())


@suite.case("it is still an nn.Sequential: len(model) is 4 and model[0] is model.conv1",
            "它仍然是 nn.Sequential：len(model) 为 4，model[0] 就是 model.conv1",
            hint=T("Return the nn.Sequential itself, not a module wrapping it.", "直接返回 nn.Sequential 本身，不要再套一层模块。"))
def still_sequential(m):
    model = m.make_named_sequential()
    is_sequential = isinstance(model, nn.Sequential)
    return {
        "is an nn.Sequential": is_sequential,
        "len(model)": len(model) if is_sequential else None,
        "model[0] is model.conv1": is_sequential and model[0] is getattr(model, "conv1", None),
    }


@suite.case("(2, 1, 28, 28) -> (2, 64, 20, 20), equal to the reference with the same weights",
            "(2, 1, 28, 28) -> (2, 64, 20, 20)，权重相同时与参考答案一致", atol=1e-4,
            hint=T("Conv2d(1, 20, 5), ReLU, Conv2d(20, 64, 5), ReLU, in this order, no padding.",
                   "Conv2d(1, 20, 5)、ReLU、Conv2d(20, 64, 5)、ReLU，按这个顺序，不加 padding。"))
def sequential_output(m):
    x = torch.randn(2, 1, 28, 28)
    model = m.make_named_sequential()
    load_reference_weights(model, seed=1)
    return model(x)


# ---- LayerStack -------------------------------------------------------------


@suite.case("LayerStack([4, 8, 8, 2]) registers three Linear layers: 130 parameters",
            "LayerStack([4, 8, 8, 2]) 注册了三个 Linear 层：共 130 个参数",
            keys=("shapes", "count"), diagnose=unregistered, hint=MODULE_LIST)
def stack_parameters(m):
    return parameter_summary(m.LayerStack(SIZES))


@suite.case("the Linear layers live in an nn.ModuleList called self.layers",
            "这些 Linear 层放在名为 self.layers 的 nn.ModuleList 中", hint=MODULE_LIST)
def stack_module_list(m):
    layers = getattr(m.LayerStack(SIZES), "layers", None)
    return {
        "self.layers is an nn.ModuleList": isinstance(layers, nn.ModuleList),
        "Linear layers in self.layers": sum(isinstance(layer, nn.Linear) for layer in layers or []),
    }


@suite.case("LayerStack's output equals the reference with the same weights", "权重相同时 LayerStack 的输出与参考答案一致",
            diagnose=relu_on_output,
            hint=T("Linear, ReLU, Linear, ReLU, Linear: no ReLU after the last layer.",
                   "Linear、ReLU、Linear、ReLU、Linear：最后一层之后没有 ReLU。"))
def stack_output(m):
    x = torch.randn(6, 4)
    model = m.LayerStack(SIZES)
    load_reference_weights(model, seed=2)
    return model(x)


@suite.case("LayerStack([5, 3]) is one Linear layer, no ReLU", "LayerStack([5, 3]) 就是一个 Linear 层，没有 ReLU",
            diagnose=relu_on_output)
def stack_single(m):
    x = torch.randn(4, 5)
    model = m.LayerStack([5, 3])
    load_reference_weights(model, seed=3)
    return model(x)


@suite.case("LayerStack([5]) raises ValueError", "LayerStack([5]) 抛出 ValueError",
            hint=T("One size gives no layer at all: if len(sizes) < 2: raise ValueError(...).",
                   "只有一个尺寸就没有任何层：if len(sizes) < 2: raise ValueError(...)。"))
def stack_too_short(m):
    return m.LayerStack([5])


@suite.case("gradients reach every parameter of LayerStack", "梯度能传到 LayerStack 的每一个参数", atol=1e-4,
            diagnose=lambda got, expected: unregistered({"count": len(got)}, {"count": len(expected)})
            if isinstance(got, list) and isinstance(expected, list) else None)
def stack_gradients(m):
    x = torch.randn(5, 4)
    model = m.LayerStack(SIZES)
    load_reference_weights(model, seed=4)
    model(x).pow(2).mean().backward()
    return parameter_values(model)


@suite.case("state_dict (what torch.save stores) holds every weight and bias", "state_dict（torch.save 保存的内容）包含每个 weight 和 bias",
            hint=MODULE_LIST)
def stack_state_dict(m):
    return {"state_dict keys": list(m.LayerStack(SIZES).state_dict().keys())}


@suite.case("one SGD step through model.parameters() changes the output", "通过 model.parameters() 做一步 SGD 后输出会改变",
            atol=1e-4, hint=MODULE_LIST)
def stack_optimizer(m):
    x, target = torch.randn(8, 4), torch.randn(8, 2)
    model = m.LayerStack(SIZES)
    load_reference_weights(model, seed=5)
    return output_after_one_sgd_step(model, x, target)


@suite.case("model.to('meta') moves every layer (meta device)", "model.to('meta') 会移动每一层（meta 设备）",
            hint=T("Only registered layers move with .to(device); layers in a plain list stay on the CPU.",
                   "只有注册过的层才会随 .to(device) 移动；普通列表里的层会留在 CPU 上。"))
def stack_meta(m):
    model = m.LayerStack(SIZES).to("meta")
    return model(torch.empty(3, 4, device="meta"))
