"""Checks for exercises/02_autograd/no_grad_and_detach.py."""

from __future__ import annotations

import numpy as np

from grader.checks import Suite, T, lazy

torch = lazy("torch")

suite = Suite("no_grad_and_detach", names=("make_leaf", "evaluate", "constant_factor_grad", "grad_snapshots"))

NOTES_X = [[1.0], [2.0], [3.0], [4.0]]

FLOAT_LEAF = T(
    "torch.tensor(values, dtype=torch.float32, requires_grad=True): integer tensors cannot require grad, and "
    "converting after creation (.float()) gives a non-leaf.",
    "torch.tensor(values, dtype=torch.float32, requires_grad=True)：整数张量不能需要梯度，而创建之后再转换"
    "（.float()）得到的不是叶子张量。",
)

NO_GRAD = T(
    "with torch.no_grad(): return x @ w. The with block switches recording off only inside it.",
    "with torch.no_grad(): return x @ w。with 块只在它内部关闭记录。",
)

CLONE_GRAD = T(
    "Append w.grad.clone(), not w.grad: backward() keeps adding into the very same tensor.",
    "追加 w.grad.clone()，而不是 w.grad：backward() 一直在往同一个张量里累加。",
)


def notes_polynomial(w):
    return (w**2 + 2 * w + 1).sum()


def growing_loss():
    """A loss that is k * sum(w**2) on its k-th call, so every step has its own gradient."""
    calls = [0]

    def loss_fn(w):
        calls[0] += 1
        return calls[0] * (w**2).sum()

    return loss_fn


def leaf(values):
    return torch.tensor(values, dtype=torch.float32, requires_grad=True)


def twice(got, expected):
    """2x the expected gradient: the detached factor was not detached."""
    if isinstance(got, dict) and isinstance(expected, dict):
        got, expected = got.get("gradient"), expected.get("gradient")
    mine, theirs = getattr(got, "values", None), getattr(expected, "values", None)
    if isinstance(mine, np.ndarray) and isinstance(theirs, np.ndarray) and theirs is not None and mine.shape == theirs.shape and np.abs(theirs).max() > 0:
        if np.allclose(mine, 2 * theirs, atol=1e-5):
            return T("Every value is twice the expected one: the copy c = copy.detach() must count as a constant, "
                     "so only one factor of copy * c receives a gradient.",
                     "每个值都是期望值的两倍：副本 c = copy.detach() 必须被当作常量，所以 copy * c 中只有一个因子得到梯度。")
    return None


def _snapshot_values(value):
    items = value.get("snapshots") if isinstance(value, dict) else value
    if not isinstance(items, list) or not all(getattr(s, "values", None) is not None for s in items):
        return None
    return [s.values for s in items]


def snapshot_mistake(got, expected):
    """Aliased snapshots, or gradients that were (not) cleared when they should (not) be."""
    mine, theirs = _snapshot_values(got), _snapshot_values(expected)
    if not mine or not theirs or len(mine) != len(theirs) or any(a.shape != b.shape for a, b in zip(mine, theirs)):
        return None
    close = lambda a, b: np.allclose(a, b, atol=1e-5)  # noqa: E731
    if len(mine) > 1 and all(close(s, mine[-1]) for s in mine) and not all(close(s, theirs[-1]) for s in theirs):
        return T("Every snapshot shows the final gradient: backward() updates w.grad in place, so store w.grad.clone().",
                 "每个快照都显示最后的梯度：backward() 原地更新 w.grad，所以要保存 w.grad.clone()。")
    running = np.cumsum(np.stack(theirs), axis=0)
    if all(close(a, b) for a, b in zip(mine, running)):
        return T("Gradients add up across backward() calls: with zero_grad=True, clear them before each backward "
                 "(w.grad = None; w.grad.zero_() only once a gradient exists).",
                 "梯度会在多次 backward() 之间累加：zero_grad=True 时，要在每次 backward 之前清除它"
                 "（w.grad = None；只有梯度已经存在时才能用 w.grad.zero_()）。")
    steps = np.diff(np.stack(theirs), axis=0, prepend=0)
    if all(close(a, b) for a, b in zip(mine, steps)):
        return T("With zero_grad=False the gradients must add up: do not clear w.grad in that case.",
                 "zero_grad=False 时梯度应当累加：这种情况下不要清除 w.grad。")
    return None


@suite.case("make_leaf([1, 2, 3]) turns ints into a float32 leaf that requires grad",
            "make_leaf([1, 2, 3]) 把整数变成需要梯度的 float32 叶子张量", hint=FLOAT_LEAF)
def leaf_ints(m):
    t = m.make_leaf([1, 2, 3])
    return {"tensor": t, "is a leaf": t.is_leaf}


@suite.case("the notes' x: y = 54 requires grad, and x.grad is (4, 1)", "笔记中的 x：y = 54 需要梯度，x.grad 的形状是 (4, 1)",
            hint=FLOAT_LEAF)
def leaf_notes(m):
    x = m.make_leaf(NOTES_X)
    y = notes_polynomial(x)
    y.backward()
    return {"x is a leaf": x.is_leaf, "y requires grad": y.requires_grad, "y": y.item(), "x": x}


@suite.case("evaluate gives x @ w without requiring grad", "evaluate 得到 x @ w，且不需要梯度", hint=NO_GRAD)
def evaluate_values(m):
    w = torch.randn(3, 2, requires_grad=True)
    return {"x @ w": m.evaluate(w, torch.randn(5, 3)), "w": w}


@suite.case("after evaluate, operations on w are recorded again", "evaluate 之后，对 w 的运算重新被记录", hint=NO_GRAD)
def evaluate_restores(m):
    w = torch.randn(4, 1, requires_grad=True)
    m.evaluate(w, torch.randn(2, 4))
    return {"grad mode on": torch.is_grad_enabled(), "(w * 2).requires_grad": (w * 2).requires_grad}


@suite.case("evaluate on another device (meta)", "evaluate 在其他设备（meta）上运行", hint=NO_GRAD)
def evaluate_meta(m):
    w = torch.empty(6, 3, device="meta", requires_grad=True)
    return m.evaluate(w, torch.empty(8, 6, device="meta"))


@suite.case("constant_factor_grad([1, 2, 3]) is [1, 2, 3]", "constant_factor_grad([1, 2, 3]) 等于 [1, 2, 3]",
            diagnose=twice)
def constant_small(m):
    return m.constant_factor_grad(torch.tensor([1.0, 2.0, 3.0]))


@suite.case("constant_factor_grad keeps float64 and leaves the caller's tensor alone",
            "constant_factor_grad 保持 float64，且不改动调用者的张量", diagnose=twice,
            hint=T("Work on leaf = w.detach().clone().requires_grad_(True), and return leaf.grad.",
                   "在 leaf = w.detach().clone().requires_grad_(True) 上计算，并返回 leaf.grad。"))
def constant_double(m):
    w = torch.randn(2, 3, dtype=torch.float64)
    grad = m.constant_factor_grad(w)
    return {"gradient": grad, "w.requires_grad": w.requires_grad, "w.grad is None": w.grad is None}


@suite.case("grad_snapshots on the notes' polynomial, twice without zeroing", "grad_snapshots 对笔记中的多项式，不清零做两次",
            diagnose=snapshot_mistake, hint=CLONE_GRAD)
def snapshots_notes(m):
    w = leaf(NOTES_X)
    return {"snapshots": m.grad_snapshots(w, notes_polynomial, 2, zero_grad=False), "w": w}


@suite.case("grad_snapshots with zeroing: every step sees only its own gradient",
            "grad_snapshots 清零时：每一步只看到自己的梯度", diagnose=snapshot_mistake,
            hint=T("Clear the gradient before each backward when zero_grad is True: w.grad = None. (w.grad.zero_() "
                   "fails while w.grad is still None, before the first backward: `if w.grad is not None: w.grad.zero_()`.)",
                   "zero_grad 为真时，每次 backward 之前先清除梯度：w.grad = None。（第一次 backward 之前 w.grad 还是 None，"
                   "这时 w.grad.zero_() 会失败：写成 `if w.grad is not None: w.grad.zero_()`。）"))
def snapshots_zeroed(m):
    w = leaf([0.5, -1.0, 2.0])
    return {"snapshots": m.grad_snapshots(w, growing_loss(), 3, zero_grad=True), "w": w}


@suite.case("grad_snapshots without zeroing: a changing loss accumulates", "grad_snapshots 不清零时：变化的损失会累加",
            diagnose=snapshot_mistake, hint=CLONE_GRAD)
def snapshots_accumulate(m):
    w = leaf([[0.5, -1.0], [2.0, 3.0]])
    return {"snapshots": m.grad_snapshots(w, growing_loss(), 3, zero_grad=False), "w": w}


@suite.case("an old gradient is added to without zeroing, and dropped with zeroing",
            "旧的梯度：不清零时被累加，清零时被丢弃",
            hint=T("backward() adds to whatever w.grad already holds, including a gradient from before the call.",
                   "backward() 会加到 w.grad 已有的值上，包括调用之前就存在的梯度。"))
def snapshots_old_grad(m):
    kept, cleared = leaf([1.0, 2.0]), leaf([1.0, 2.0])
    kept.grad, cleared.grad = torch.full((2,), 10.0), torch.full((2,), 10.0)
    return {
        "zero_grad=False": m.grad_snapshots(kept, notes_polynomial, 1, zero_grad=False),
        "zero_grad=True": m.grad_snapshots(cleared, notes_polynomial, 1, zero_grad=True),
    }


@suite.case("grad_snapshots with 0 steps returns [] and leaves w.grad alone", "grad_snapshots 做 0 步时返回 []，且不动 w.grad")
def snapshots_none(m):
    w = leaf([3.0])
    w.grad = torch.tensor([5.0])
    return {"snapshots": m.grad_snapshots(w, notes_polynomial, 0, zero_grad=True), "w": w}
