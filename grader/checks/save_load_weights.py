"""Checks for exercises/08_training/save_load_weights.py.

Every case works in its own temporary folder inside the probe's private
$TMPDIR. Models are filled with seeded weights, so the learner's file and the
reference's hold the same numbers and are compared value by value.
"""

from __future__ import annotations

import os
import tempfile

from grader.checks import ErrorRecord, Suite, T, lazy, load_reference_weights

torch = lazy("torch")
nn = lazy("torch.nn")

suite = Suite("save_load_weights", names=("save_weights", "load_weights", "load_state_on"))

STATE_DICT_ONLY = T(
    "Save model.state_dict(), not the model: torch.save(model, path) pickles the whole module, and "
    "torch.load(path, weights_only=True) refuses such a file (\"Weights only load failed\").",
    "要保存 model.state_dict()，而不是 model：torch.save(model, path) 会把整个模块 pickle 序列化，"
    "torch.load(path, weights_only=True) 拒绝读取这样的文件（\"Weights only load failed\"）。",
)
EVAL_MODE = T(
    "Call model.eval() before returning: Dropout and BatchNorm behave differently in training mode.",
    "返回之前调用 model.eval()：Dropout 和 BatchNorm 在训练模式下的行为不同。",
)
STRICT = T(
    "Keep load_state_dict strict (the default): strict=False silently skips keys that do not match, and the "
    "model keeps random weights.",
    "让 load_state_dict 保持严格模式（默认值）：strict=False 会悄悄跳过不匹配的键，模型就保留了随机权重。",
)
WEIGHTS_ONLY = T(
    "Read the file with torch.load(path, weights_only=True): it refuses a pickled module instead of running its "
    "code.",
    "用 torch.load(path, weights_only=True) 读取文件：遇到 pickle 的模块时它会拒绝，而不是执行其中的代码。",
)


def workdir() -> str:
    return tempfile.mkdtemp(prefix="save-load-")


def small_cnn(seed: int):
    """A model with parameters AND buffers (BatchNorm) AND a Dropout, as in the notes' CIFAR networks."""
    model = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(), nn.MaxPool2d(2),
                          nn.Flatten(), nn.Dropout(0.5), nn.Linear(4 * 4 * 4, 10))
    load_reference_weights(model, seed)
    with torch.no_grad():  # trained-looking running statistics
        model[1].running_mean.copy_(torch.linspace(-0.5, 0.5, 4))
        model[1].running_var.copy_(torch.linspace(0.5, 2.0, 4))
        model[1].num_batches_tracked.fill_(7)
    return model


def whole_module(got, expected) -> T | None:
    if isinstance(got, ErrorRecord) and ("Weights only load failed" in got.message or got.is_a("UnpicklingError")):
        return STATE_DICT_ONLY
    return None


# ---- save_weights -----------------------------------------------------------


@suite.case("save_weights writes a file that torch.load(..., weights_only=True) reads",
            "save_weights 写出的文件可以用 torch.load(..., weights_only=True) 读取",
            diagnose=whole_module, hint=STATE_DICT_ONLY)
def saved_file(m):
    path = os.path.join(workdir(), "model.pth")
    m.save_weights(nn.Linear(3, 2), path)
    return {"keys": sorted(torch.load(path, weights_only=True).keys())}


@suite.case("the file holds every parameter and buffer (BatchNorm's running statistics) with its values",
            "文件包含每个参数和缓冲区（BatchNorm 的运行均值和方差）及其数值", diagnose=whole_module, hint=STATE_DICT_ONLY)
def saved_values(m):
    path = os.path.join(workdir(), "cnn.pth")
    m.save_weights(small_cnn(seed=3), path)
    return dict(torch.load(path, weights_only=True))


# ---- load_weights -----------------------------------------------------------


@suite.case("saved then loaded into a fresh model: the same predictions, in eval mode",
            "保存后加载进新模型：预测结果相同，并且处于 eval 模式", hint=EVAL_MODE)
def round_trip(m):
    path = os.path.join(workdir(), "cnn.pth")
    torch.save(small_cnn(seed=4).state_dict(), path)
    fresh = small_cnn(seed=99)
    loaded = m.load_weights(fresh, path)
    x = torch.randn(2, 3, 8, 8)
    with torch.no_grad():
        return {"the model returned is the one passed in": loaded is fresh, "training": loaded.training,
                "training flags of the submodules": [layer.training for layer in loaded.modules()],
                "predictions": loaded(x)}


@suite.case("loading restores the buffers too: running_mean, running_var, num_batches_tracked",
            "加载也会恢复缓冲区：running_mean、running_var、num_batches_tracked")
def restores_buffers(m):
    path = os.path.join(workdir(), "cnn.pth")
    torch.save(small_cnn(seed=5).state_dict(), path)
    loaded = m.load_weights(small_cnn(seed=98), path)
    return dict(loaded[1].named_buffers())


@suite.case("a file of another architecture raises RuntimeError", "另一种网络结构的文件会抛出 RuntimeError", hint=STRICT)
def other_architecture(m):
    path = os.path.join(workdir(), "linear.pth")
    torch.save(nn.Linear(4, 3).state_dict(), path)
    return m.load_weights(nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2)), path)


@suite.case("a file with a key missing raises RuntimeError", "缺少一个键的文件会抛出 RuntimeError", hint=STRICT)
def missing_key(m):
    path = os.path.join(workdir(), "partial.pth")
    state = nn.Linear(4, 3).state_dict()
    del state["bias"]
    torch.save(state, path)
    return m.load_weights(nn.Linear(4, 3), path)


@suite.case("a file holding a whole pickled module is refused (UnpicklingError)",
            "保存了整个 pickle 模块的文件会被拒绝（UnpicklingError）", hint=WEIGHTS_ONLY)
def pickled_module(m):
    path = os.path.join(workdir(), "whole.pth")
    torch.save(nn.Linear(4, 3), path)
    return m.load_weights(nn.Linear(4, 3), path)


# ---- load_state_on ----------------------------------------------------------


@suite.case("load_state_on(path, 'cpu') gives the state_dict on the CPU", "load_state_on(path, 'cpu') 得到 CPU 上的 state_dict",
            hint=T("return torch.load(path, map_location=device, weights_only=True).",
                   "return torch.load(path, map_location=device, weights_only=True)。"))
def state_on_cpu(m):
    path = os.path.join(workdir(), "cnn.pth")
    torch.save(small_cnn(seed=6).state_dict(), path)
    return dict(m.load_state_on(path, "cpu"))


@suite.case("load_state_on(path, 'meta') puts every tensor on the meta device while reading",
            "load_state_on(path, 'meta') 在读取时就把每个张量放到 meta 设备上",
            hint=T("Pass map_location=device to torch.load; moving tensors afterwards is what map_location spares you "
                   "(and impossible when the saved device does not exist here).",
                   "把 map_location=device 传给 torch.load；读完再移动张量正是 map_location 帮你省掉的"
                   "（而且当保存时的设备在这里不存在时根本做不到）。"))
def state_on_meta(m):
    path = os.path.join(workdir(), "cnn.pth")
    torch.save(small_cnn(seed=7).state_dict(), path)
    state = m.load_state_on(path, "meta")
    return {name: {"device": str(t.device), "shape": list(t.shape)} for name, t in state.items()}
