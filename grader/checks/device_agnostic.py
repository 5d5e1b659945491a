"""Checks for exercises/09_devices/device_agnostic.py.

Everything runs on the "meta" device, which every PyTorch build has, so a
hard-coded device shows up on any machine. One case also uses CUDA when the
machine has it, and reports only facts that are the same on a CPU-only one.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any

from grader.checks import TORCH_AND_DYNAMO, Suite, T, facts, lazy, load_reference_weights

torch = lazy("torch")
nn = lazy("torch.nn")

suite = Suite("device_agnostic", names=("pick_device", "to_device", "predict"), needs=TORCH_AND_DYNAMO)


@contextmanager
def cuda_reported(available: bool):
    """Make torch.cuda say whether CUDA is available, whatever the machine has."""
    cuda = torch.cuda
    saved = cuda.is_available, cuda.device_count
    cuda.is_available = lambda: available
    cuda.device_count = lambda: 1 if available else 0
    try:
        yield
    finally:
        cuda.is_available, cuda.device_count = saved


def nested_batch():
    images, labels = torch.randn(2, 3, 4, 4), torch.tensor([1, 0])
    weights, ids = torch.rand(2, dtype=torch.float64), torch.arange(2)
    return (images, [labels, weights], {"ids": ids, "name": "batch-0", "size": 2})


def container_types(value):
    """The type of every container, by position, so tuple-vs-list mistakes are named."""
    if isinstance(value, dict):
        return {"type": "dict", "keys": list(value), "items": {str(k): container_types(v) for k, v in value.items()}}
    if isinstance(value, (list, tuple)):
        return {"type": type(value).__name__, "items": [container_types(v) for v in value]}
    return type(value).__name__


def spy_model(seed: int):
    """Linear -> BatchNorm -> ReLU -> Dropout -> Linear, recording its mode and autograd at every forward."""

    Module: Any = nn.Module  # a lazy module's attribute: typed so that it can be a base class

    class Spy(Module):
        def __init__(self):
            super().__init__()
            self.layers = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Dropout(0.3), nn.Linear(8, 3))
            self.training_flags, self.grad_flags = [], []

        def forward(self, x):
            self.training_flags.append(self.training)
            self.grad_flags.append(torch.is_grad_enabled())
            return self.layers(x)

    model = Spy()
    load_reference_weights(model, seed=seed)
    with torch.no_grad():
        model.layers[1].running_mean.fill_(0.5)
        model.layers[1].running_var.fill_(2.0)
    return model


ONLY_THE_GIVEN_DEVICE = T(
    "Use .to(device) with the device you are given, for the model AND for x. A .cuda(), or 'cpu'/'cuda' written "
    "into the code, ignores the device the caller asked for.",
    "对模型“和”x 都用 .to(device)，device 用传入的那个。.cuda() 或在代码里写死 'cpu'/'cuda'，"
    "都会无视调用者要求的设备。",
)


@suite.case("pick_device returns a torch.device of the right type on this machine",
            "pick_device 在本机上返回类型正确的 torch.device",
            hint=T("return torch.device('cuda' if torch.cuda.is_available() else 'cpu').",
                   "return torch.device('cuda' if torch.cuda.is_available() else 'cpu')。"))
def pick_here(m):
    device = m.pick_device()
    return {"is a torch.device": isinstance(device, torch.device), "device type": getattr(device, "type", None)}


@suite.case("pick_device chooses cuda when CUDA is available", "CUDA 可用时 pick_device 选择 cuda",
            hint=T("Ask torch.cuda.is_available() each time pick_device runs; do not return a fixed device.",
                   "每次调用 pick_device 时都要询问 torch.cuda.is_available()；不要返回固定的设备。"))
def pick_with_cuda(m):
    with cuda_reported(True):
        device = m.pick_device()
    return {"device type when CUDA is available": getattr(device, "type", str(device))}


@suite.case("pick_device falls back to cpu without CUDA", "没有 CUDA 时 pick_device 退回 cpu",
            hint=T("Without a GPU, torch.device('cuda') fails at the first tensor moved there: fall back to 'cpu'.",
                   "没有 GPU 时，第一个移到 torch.device('cuda') 的张量就会报错：请退回 'cpu'。"))
def pick_without_cuda(m):
    with cuda_reported(False):
        device = m.pick_device()
    return {"device type without CUDA": getattr(device, "type", str(device))}


@suite.case("to_device moves every tensor of a nested batch to meta", "to_device 把嵌套批次中的每个张量移到 meta",
            hint=T("Recurse: a tensor -> t.to(device); a dict -> {k: to_device(v, device)}; a list or tuple -> the same "
                   "type of container over to_device(item, device); anything else unchanged.",
                   "递归处理：张量 -> t.to(device)；字典 -> {k: to_device(v, device)}；列表或元组 -> 对每个元素调用 "
                   "to_device(item, device)，并保持容器类型；其他东西原样返回。"))
def nested_to_meta(m):
    return m.to_device(nested_batch(), torch.device("meta"))


@suite.case("to_device keeps tuples, lists, dicts and non-tensors as they were",
            "to_device 保持元组、列表、字典以及非张量的值不变",
            hint=T("Rebuild each container with its own type: type(batch)(...) for lists and tuples; keep dict keys; "
                   "return numbers and strings untouched.",
                   "用原来的类型重建每个容器：列表和元组用 type(batch)(...)；字典保留键；数字和字符串原样返回。"))
def nested_types(m):
    moved = m.to_device(nested_batch(), "meta")
    return {"structure": container_types(moved), "name": moved[2]["name"], "size": moved[2]["size"]}


@suite.case("to_device leaves the caller's batch where it was", "to_device 不改动调用者的批次",
            hint=T("Build new lists and dicts; assigning into the caller's (batch[k] = ...) moves their data too.",
                   "创建新的列表和字典；往调用者的容器里赋值（batch[k] = ...）会把他们的数据也一起移走。"))
def nested_untouched(m):
    batch = nested_batch()
    m.to_device(batch, "meta")
    return {"every original tensor still on cpu": [batch[0].device.type, batch[1][0].device.type,
                                                   batch[1][1].device.type, batch[2]["ids"].device.type]}


@suite.case("to_device to cpu keeps values, dtypes and the autograd graph", "to_device 到 cpu 时保持数值、dtype 和计算图",
            hint=T("t.to(device) keeps values, dtype and the graph (and costs nothing when t is already there); do not "
                   "rebuild tensors with torch.tensor(...), .detach() or a dtype change.",
                   "t.to(device) 会保留数值、dtype 和计算图（张量已经在那里时不做任何事）；不要用 torch.tensor(...)、"
                   ".detach() 或改变 dtype 的方式重建张量。"))
def to_cpu_values(m):
    leaf = torch.randn(3, requires_grad=True)
    moved = m.to_device({"x": leaf * 2, "pair": (torch.arange(4), torch.rand(2, dtype=torch.float64))}, "cpu")
    moved["x"].sum().backward()
    return {"moved": moved, "leaf": leaf}


@suite.case("predict on meta: the output is on meta and needs no grad", "predict 在 meta 上：输出在 meta 上，且不需要梯度",
            hint=ONLY_THE_GIVEN_DEVICE)
def predict_meta(m):
    model = spy_model(seed=1)
    return m.predict(model, torch.randn(5, 4), torch.device("meta"))


def modes_during_forward(run):
    """Judge-side facts from the flags each forward saw (there may be several forwards)."""
    training, grad = run["training flag in each forward"], run["grad mode in each forward"]
    return {"eval mode during forward": bool(training) and not any(training),
            "autograd off during forward": bool(grad) and not any(grad)}


@suite.case("predict runs the model in eval mode under torch.no_grad()", "predict 在评估模式和 torch.no_grad() 下运行模型",
            hint=T("model.eval() before the forward (Dropout off, BatchNorm on running statistics), and the forward "
                   "inside `with torch.no_grad():`.",
                   "前向计算之前调用 model.eval()（关闭 Dropout，BatchNorm 使用运行均值和方差），并把前向计算放进 "
                   "`with torch.no_grad():`。"), rule=facts(modes_during_forward))
def predict_modes(m):
    model = spy_model(seed=2)
    model.train()
    m.predict(model, torch.randn(6, 4), "meta")
    return {"training flag in each forward": list(model.training_flags),
            "grad mode in each forward": list(model.grad_flags)}


@suite.case("predict on cpu equals the reference's eval-mode output", "predict 在 cpu 上的输出与参考答案的评估模式输出一致",
            atol=1e-5, hint=ONLY_THE_GIVEN_DEVICE)
def predict_cpu(m):
    model = spy_model(seed=3)
    return m.predict(model, torch.randn(6, 4), torch.device("cpu"))


@suite.case("on this machine's own device (CUDA if present) all lands there",
            "在本机的设备上（有 CUDA 时用 CUDA），所有东西都落在该设备上", hint=ONLY_THE_GIVEN_DEVICE)
def own_device(m):
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    moved = m.to_device(nested_batch(), device)
    tensors = [moved[0], moved[1][0], moved[1][1], moved[2]["ids"]]
    model = spy_model(seed=4)
    out = m.predict(model, torch.randn(3, 4), device)
    # Device names as they are; the reference's run says which device they should be.
    return {
        "devices of the batch tensors": [t.device.type for t in tensors],
        "devices of the model parameters": sorted({p.device.type for p in model.parameters()}),
        "device of the output": out.device.type,
        "output shape": list(out.shape),
    }
