"""Checks for exercises/04_modules/module_basics.py."""

from __future__ import annotations

from grader.checks import TORCH_AND_DYNAMO, Suite, T, facts, lazy

torch = lazy("torch")
nn = lazy("torch.nn")

suite = Suite("module_basics", names=("AddOne", "ReluNet"), needs=TORCH_AND_DYNAMO)

CALL_THE_MODULE = T(
    "Create the module once, then call it like a function: model = AddOne(); model(x).",
    "先创建模块，再像函数一样调用它：model = AddOne(); model(x)。",
)


@suite.case("AddOne on the notes' tensor(1.0) gives 2.0", "AddOne 作用在笔记中的 tensor(1.0) 上得到 2.0",
            hint=CALL_THE_MODULE)
def add_one_scalar(m):
    return m.AddOne()(torch.tensor(1.0))


@suite.case("AddOne keeps shape and values of a random (2, 3, 4) tensor", "AddOne 保持随机 (2, 3, 4) 张量的形状并正确加一")
def add_one_random(m):
    return m.AddOne()(torch.randn(2, 3, 4))


@suite.case("AddOne keeps an integer tensor's dtype", "AddOne 保持整数张量的 dtype",
            hint=T("Add the int 1, not 1.0: an int64 tensor plus 1.0 becomes float32.",
                   "加整数 1，而不是 1.0：int64 张量加 1.0 会变成 float32。"))
def add_one_int(m):
    return m.AddOne()(torch.arange(6).reshape(2, 3))


@suite.case("gradients flow through AddOne", "梯度可以穿过 AddOne 传回",
            hint=T("Do not detach or rebuild the tensor inside forward.", "不要在 forward 里 detach 或重新创建张量。"))
def add_one_grad(m):
    x = torch.randn(5, requires_grad=True)
    y = m.AddOne()(x)
    (y * torch.arange(1.0, 6.0)).sum().backward()
    return {"output": y, "x": x}


@suite.case("AddOne works on another device (meta)", "AddOne 在其他设备（meta）上也能运行",
            hint=T("Do not create new tensors on a fixed device inside forward.", "不要在 forward 里在固定设备上创建新张量。"))
def add_one_meta(m):
    return m.AddOne()(torch.empty(3, 2, device="meta"))


@suite.case("ReluNet on the notes' [[1, -0.5], [-1, 3]]", "ReluNet 作用在笔记中的 [[1, -0.5], [-1, 3]] 上")
def relu_notes(m):
    return m.ReluNet()(torch.tensor([[1.0, -0.5], [-1.0, 3.0]]))


@suite.case("ReluNet keeps an nn.ReLU layer as a submodule", "ReluNet 把 nn.ReLU 层保存为子模块",
            hint=T("In __init__: self.relu1 = nn.ReLU(); in forward: return self.relu1(input).",
                   "在 __init__ 中：self.relu1 = nn.ReLU()；在 forward 中：return self.relu1(input)。"),
            rule=facts(lambda run: {"has an nn.ReLU submodule": run["nn.ReLU submodules"] > 0,
                                    "number of parameters": run["number of parameters"]}))
def relu_registered(m):
    model = m.ReluNet()
    return {
        "nn.ReLU submodules": sum(isinstance(child, nn.ReLU) for child in model.modules()),
        "number of parameters": sum(p.numel() for p in model.parameters()),
    }


@suite.case("ReluNet on random values, with gradients", "ReluNet 作用在随机值上，并检查梯度")
def relu_random_grad(m):
    x = torch.randn(4, 6, requires_grad=True)
    y = m.ReluNet()(x)
    y.sum().backward()
    return {"output": y, "x": x}
