"""Checks for exercises/08_training/optimizer_comparison.py."""

from __future__ import annotations

import math

from grader.checks import (
    TORCH_AND_DYNAMO,
    Suite,
    T,
    facts,
    lazy,
    load_reference_weights,
    parameter_summary,
    parameter_values,
)

torch = lazy("torch")
nn = lazy("torch.nn")

NAMES = ("SGD", "Momentum", "RMSprop", "Adam")

suite = Suite("optimizer_comparison", names=("Net", "make_data", "make_optimizers", "compare_optimizers"), needs=TORCH_AND_DYNAMO)


def small_problem(n: int = 200):
    """The notes' x² data, built here so compare_optimizers is checked on its own."""
    x = torch.linspace(-1, 1, n).unsqueeze(1)
    return x, x.pow(2) + 0.1 * torch.randn(x.shape)


def settings(optimizer) -> dict:
    """The hyperparameters that tell the four optimizers apart."""
    if not isinstance(optimizer, torch.optim.Optimizer):
        return {"class": type(optimizer).__name__}
    group = optimizer.param_groups[0]
    found = {"class": type(optimizer).__name__, "lr": group.get("lr")}
    for name in ("momentum", "alpha", "betas"):
        if name in group:
            value = group[name]
            # numbers as floats: momentum=0 and momentum=0.9 are two settings, not an int and a float
            found[name] = [float(v) for v in value] if isinstance(value, (tuple, list)) else float(value)
    return found


def wrong_setting(got, expected):
    """Name the optimizer and the hyperparameter that differ from the notes' settings."""
    if not isinstance(got, dict) or not isinstance(expected, dict):
        return None
    for name, wanted in expected.items():
        mine = got.get(name)
        if not isinstance(mine, dict) or not isinstance(wanted, dict):
            continue
        for key, value in wanted.items():
            if key in mine and mine[key] != value:
                swap: T | None = None
                if name == "RMSprop" and key == "momentum" and mine.get("alpha") != wanted.get("alpha"):
                    swap = T(" The notes' RMSprop sets alpha=0.9 (how fast its average of squared gradients forgets), "
                             "not momentum.",
                             "笔记里的 RMSprop 设置的是 alpha=0.9（平方梯度滑动平均的衰减系数），而不是 momentum。")
                return T(f"{name}: {key} is {mine[key]}, but the notes' setting gives {value}.{swap.en if swap else ''}",
                         f"{name}：{key} 为 {mine[key]}，而笔记中的设置是 {value}。{swap.zh if swap else ''}")
    return None


def history_shape(histories) -> dict:
    if not isinstance(histories, dict):
        return {"a dict": False}
    return {
        "keys, in order": list(histories),
        "steps recorded": {k: len(v) for k, v in histories.items() if isinstance(v, (list, tuple))},
        "types of the losses": sorted({type(v).__name__ for h in histories.values() for v in h}),
    }


NET_LAYERS = T("self.hidden = nn.Linear(1, 20) and self.predict = nn.Linear(20, 1), with a ReLU between them in "
               "forward.",
               "self.hidden = nn.Linear(1, 20)，self.predict = nn.Linear(20, 1)，forward 中两者之间有一个 ReLU。")


@suite.case("Net has the notes' layers: Linear(1, 20) and Linear(20, 1)", "Net 具有笔记中的层：Linear(1, 20) 和 Linear(20, 1)",
            hint=NET_LAYERS)
def net_layers(m):
    return parameter_summary(m.Net())


@suite.case("Net with the same weights gives the same output and gradients",
            "权重相同时，Net 的输出和梯度都与参考答案一致", atol=1e-5, hint=NET_LAYERS)
def net_output(m):
    model = m.Net()
    load_reference_weights(model, seed=1)
    x = torch.randn(7, 1) * 3
    out = model(x)
    out.pow(2).mean().backward()
    return {"output": out, "parameters": parameter_values(model)}


@suite.case("Net runs on another device (meta)", "Net 能在其他设备（meta）上运行",
            hint=T("Create no tensors in forward; the layers move with model.to(device).",
                   "不要在 forward 里创建张量；各层会随 model.to(device) 一起移动。"))
def net_meta(m):
    return m.Net().to("meta")(torch.empty(5, 1, device="meta"))


@suite.case("make_data: x is 1000 evenly spaced points from -1 to 1, shape (1000, 1)",
            "make_data：x 是从 -1 到 1 均匀分布的 1000 个点，形状为 (1000, 1)",
            hint=T("x = torch.linspace(-1, 1, n).unsqueeze(1): Linear(1, 20) needs one feature per row.",
                   "x = torch.linspace(-1, 1, n).unsqueeze(1)：Linear(1, 20) 需要每行一个特征。"))
def data_x(m):
    x, y = m.make_data()
    return {"x": x, "y shape": list(y.shape), "y dtype": y.dtype}


@suite.case("make_data: y is x² plus noise of standard deviation 0.1", "make_data：y 等于 x² 加上标准差为 0.1 的噪声",
            atol=0.02, rtol=0.0,
            hint=T("y = x.pow(2) + noise * torch.randn(x.shape): the noise is scaled by `noise`, and added, not "
                   "multiplied.",
                   "y = x.pow(2) + noise * torch.randn(x.shape)：噪声要乘以 `noise`，并且是加上去，而不是乘上去。"))
def data_noise(m):
    x, y = m.make_data(n=1000, noise=0.1)
    residual = (y - x.pow(2)).flatten()
    _x2, y2 = m.make_data(n=50, noise=0.0)
    return {
        "mean of y - x²": round(float(residual.mean()), 3),
        "std of y - x²": round(float(residual.std()), 3),
        "y from make_data(n=50, noise=0.0), which is x²": y2,
    }


@suite.case("make_optimizers uses the notes' settings", "make_optimizers 使用笔记中的设置",
            hint=T("SGD(lr); SGD(lr, momentum=0.8); RMSprop(lr, alpha=0.9); Adam(lr, betas=(0.9, 0.99)).",
                   "SGD(lr)；SGD(lr, momentum=0.8)；RMSprop(lr, alpha=0.9)；Adam(lr, betas=(0.9, 0.99))。"),
            diagnose=wrong_setting)
def optimizer_settings(m):
    nets = [m.Net() for _ in NAMES]
    optimizers = m.make_optimizers(nets, 0.01)
    return {name: settings(opt) for name, opt in zip(NAMES, optimizers)}


@suite.case("each optimizer updates its own network", "每个优化器更新它自己的网络",
            hint=T("Pass nets[i].parameters() to the i-th optimizer; giving every optimizer the same network's "
                   "parameters trains that one network four times and the others never.",
                   "把 nets[i].parameters() 交给第 i 个优化器；如果所有优化器都拿同一个网络的参数，"
                   "那个网络会被训练四次，其余网络一次也不会被训练。"))
def optimizer_ownership(m):
    nets = [m.Net() for _ in NAMES]
    optimizers = m.make_optimizers(nets, 0.01)
    owned = []
    for net, opt in zip(nets, optimizers):
        mine = {id(p) for p in net.parameters()}
        held = {id(p) for group in opt.param_groups for p in group["params"]}
        owned.append(mine == held)
    return {"number of optimizers": len(optimizers), "each optimizer holds exactly its own network's parameters": owned}


@suite.case("compare_optimizers returns one loss per step for each optimizer",
            "compare_optimizers 为每个优化器返回每一步的损失",
            hint=T("200 points in batches of 32 make 7 steps per epoch: 2 epochs give 14 losses per optimizer, "
                   "recorded with loss.item().",
                   "200 个点、每批 32 个，每轮 7 步：2 轮共 14 个损失，用 loss.item() 记录。"))
def history_layout(m):
    x, y = small_problem()
    return history_shape(m.compare_optimizers(x, y, lr=0.01, batch_size=32, epochs=2))


@suite.case("all four start from the same weights and see the same first batch",
            "四个网络从相同的权重出发，看到相同的第一个批次",
            hint=T("Build one Net and copy.deepcopy it four times, and loop over ONE loader, training every network "
                   "on each batch: then the four first losses are identical.",
                   "只创建一个 Net 并用 copy.deepcopy 复制四份，只遍历“一个”加载器，每个批次训练全部网络："
                   "这样四个第一步损失完全相同。"),
            rule=facts(lambda firsts: {"first losses all equal": all(math.isclose(f, firsts[0], rel_tol=1e-6) for f in firsts)}))
def same_start(m):
    x, y = small_problem()
    histories = m.compare_optimizers(x, y, lr=0.01, batch_size=32, epochs=1)
    return [histories[name][0] for name in NAMES]  # the judge sees whether the four first losses agree


@suite.case("the same seed gives the same losses", "相同的随机种子得到相同的损失",
            hint=T("Take all randomness from torch's global generator (Net() and shuffle=True already do); do not "
                   "seed it inside compare_optimizers with a fixed number, or use time or Python's random.",
                   "所有随机性都来自 torch 的全局生成器（Net() 和 shuffle=True 已经如此）；不要在 compare_optimizers "
                   "里用固定数字重新设种子，也不要用时间或 Python 的 random。"),
            rule=facts(lambda runs: {"same seed, same losses": runs["first"] == runs["second"],
                                     "another seed, other losses": runs["first"] != runs["third"]}))
def deterministic(m):
    x, y = small_problem()
    torch.manual_seed(7)
    first = m.compare_optimizers(x, y, lr=0.01, batch_size=32, epochs=1)
    torch.manual_seed(7)
    second = m.compare_optimizers(x, y, lr=0.01, batch_size=32, epochs=1)
    torch.manual_seed(8)
    third = m.compare_optimizers(x, y, lr=0.01, batch_size=32, epochs=1)
    return {"first": first, "second": second, "third": third}  # the judge compares the three runs


@suite.case("the notes' race: momentum, RMSprop and Adam end below plain SGD",
            "笔记中的比赛：momentum、RMSprop 和 Adam 最终的损失都低于普通 SGD", points=3,
            rule=facts(lambda run: race_outcome(run)),
            hint=T("1000 points, lr=0.01, batches of 32, 12 epochs. If a clever optimizer does not win, check its "
                   "settings and that each optimizer steps its own network.",
                   "1000 个点、lr=0.01、每批 32 个、12 轮。如果更好的优化器没有赢，检查它的设置，"
                   "以及每个优化器是否只更新它自己的网络。"))
def race(m):
    x, y = small_problem(1000)
    histories = m.compare_optimizers(x, y, lr=0.01, batch_size=32, epochs=12)
    return {name: list(histories[name]) for name in NAMES}  # raw losses: the judge runs the race


def race_outcome(histories) -> dict:
    """Judge-side: who won, from one run's raw loss histories (mean loss of the first and last epoch)."""
    steps = math.ceil(1000 / 32)
    first = {name: sum(histories[name][:steps]) / steps for name in NAMES}
    last = {name: sum(histories[name][-steps:]) / steps for name in NAMES}
    return {
        "Momentum ends below SGD": last["Momentum"] < last["SGD"],
        "RMSprop ends below SGD": last["RMSprop"] < last["SGD"],
        "Adam ends below SGD": last["Adam"] < last["SGD"],
        "every loss went down": all(last[n] < first[n] for n in NAMES),
    }
