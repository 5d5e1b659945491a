"""Checks for exercises/08_training/linear_regression.py."""

from __future__ import annotations

import math

from grader.checks import TORCH_AND_DYNAMO, Suite, T, lazy

torch = lazy("torch")

suite = Suite("linear_regression", names=("least_squares", "fit_line"), needs=TORCH_AND_DYNAMO)

# The notes' table: hours of study and exam score of 20 students.
HOURS = [0.50, 0.75, 1.00, 1.25, 1.50, 1.75, 1.75, 2.00, 2.25, 2.50,
         2.75, 3.00, 3.25, 3.50, 4.00, 4.25, 4.50, 4.75, 5.00, 5.50]
SCORES = [10, 22, 13, 43, 20, 22, 33, 50, 62, 48, 55, 75, 62, 73, 81, 76, 64, 82, 90, 93]


def table():
    return torch.tensor(HOURS), torch.tensor(SCORES, dtype=torch.float32)


def line(pair):
    """The (slope, intercept) a function returned, as a dict the judge names key by key."""
    if isinstance(pair, (tuple, list)) and len(pair) == 2:
        return {"slope": pair[0], "intercept": pair[1]}
    return {"(slope, intercept)": pair}


def _numbers(got, expected):
    """Both sides' (slope, intercept) as floats, or None."""
    try:
        pairs = [(float(d["slope"]), float(d["intercept"])) for d in (got, expected)]
    except (KeyError, TypeError, ValueError):
        return None
    return pairs


def closed_form_mistake(got, expected):
    if isinstance(got, dict) and isinstance(expected, dict):
        pairs = _numbers(got, expected)
        if pairs:
            (slope, intercept), (want_slope, want_intercept) = pairs
            if intercept == 0 and want_intercept != 0:
                return T("The intercept is exactly 0: the column of ones is missing from your design matrix, "
                         "so the line is forced through the origin.",
                         "截距正好为 0：设计矩阵里缺少全 1 列，直线被强制穿过原点。")
            if math.isclose(slope, want_intercept, rel_tol=1e-3) and math.isclose(intercept, want_slope, rel_tol=1e-3):
                return T("Slope and intercept are swapped: with A = [x, 1] the solution is [slope, intercept].",
                         "斜率和截距颠倒了：A = [x, 1] 时，解的顺序是 [slope, intercept]。")
    return None


NOT_CONVERGED = T(
    "Your line is not the least-squares line. Common causes: gradients not cleared between steps (they add up), "
    "the sum instead of the mean of the squared errors, or lr and steps not used as given.",
    "你的直线不是最小二乘直线。常见原因：每一步之间没有清除梯度（梯度会累加）、"
    "用了平方误差的总和而不是平均值，或者没有按传入的值使用 lr 和 steps。",
)
DIVERGED = T(
    "Your fit diverged to nan or inf: each step overshot and the loss grew without bound. Use the MEAN of the squared "
    "errors (nn.MSELoss()), not their sum, and the lr you are given.",
    "你的拟合发散成了 nan 或 inf：每一步都走过了头，损失无限增大。请用平方误差的“平均值”（nn.MSELoss()），"
    "不要用总和，并使用传入的 lr。",
)


def descent_mistake(got, expected):
    if isinstance(got, dict) and any(isinstance(v, float) and not math.isfinite(v) for v in got.values()):
        return DIVERGED
    if isinstance(got, dict) and isinstance(expected, dict):
        pairs = _numbers(got, expected)
        if pairs:
            return closed_form_mistake(got, expected) or NOT_CONVERGED
    return None


def first_steps_mistake(got, expected):
    if isinstance(got, dict) and any(isinstance(v, float) and not math.isfinite(v) for v in got.values()):
        return DIVERGED
    pairs = _numbers(got, expected) if isinstance(got, dict) and isinstance(expected, dict) else None
    if not pairs:
        return None
    (slope, intercept), (want_slope, _want_intercept) = pairs
    if slope == 0 and intercept == 0:
        return T("Nothing moved: the parameters are still 0. Call optimizer.step() (or update them by hand) after "
                 "loss.backward().",
                 "参数一点都没动，仍然是 0。在 loss.backward() 之后调用 optimizer.step()（或手动更新参数）。")
    if want_slope and math.isclose(slope / want_slope, len(HOURS), rel_tol=1e-3):
        return T("Your steps are 20 times too large: you used the sum of the squared errors; use their mean.",
                 "你的步长大了 20 倍：你用了平方误差的总和，应该用平均值。")
    return T("After a few steps from slope = intercept = 0 the values must match exactly: start from zeros, use the "
             "given lr and steps, and clear the gradients before every backward().",
             "从 slope = intercept = 0 出发走几步之后，数值必须完全一致：从 0 开始，使用传入的 lr 和 steps，"
             "并在每次 backward() 之前清除梯度。")


@suite.case("least_squares on the notes' study-hours table", "least_squares 作用在笔记中的学习时间表上",
            atol=1e-3, rtol=1e-4, diagnose=closed_form_mistake,
            hint=T("A = torch.stack([x, torch.ones_like(x)], dim=1); torch.linalg.lstsq(A, y.unsqueeze(1)).solution "
                   "holds [[slope], [intercept]].",
                   "A = torch.stack([x, torch.ones_like(x)], dim=1)；torch.linalg.lstsq(A, y.unsqueeze(1)).solution "
                   "中依次是 [[slope], [intercept]]。"))
def closed_form_notes(m):
    return line(m.least_squares(*table()))


@suite.case("least_squares recovers the exact line y = 3x - 2", "least_squares 还原精确的直线 y = 3x - 2",
            atol=1e-3, rtol=1e-4, diagnose=closed_form_mistake)
def closed_form_exact(m):
    x = torch.rand(12) * 10 - 5
    return line(m.least_squares(x, 3 * x - 2))


@suite.case("least_squares returns two Python floats", "least_squares 返回两个 Python 浮点数",
            hint=T("Turn a one-element tensor into a number with .item(), or use .tolist() on the solution.",
                   "用 .item() 把只有一个元素的张量变成数字，或者对解调用 .tolist()。"))
def closed_form_types(m):
    result = m.least_squares(*table())
    if not isinstance(result, (tuple, list)):
        return {"returns a pair": False}
    return {"returns a pair": True, "types": [type(v).__name__ for v in result]}  # the judge counts them


@suite.case("fit_line on the notes' table lands on the least-squares line",
            "fit_line 在笔记的表格上收敛到最小二乘直线", points=2, atol=0.01, rtol=1e-3, diagnose=descent_mistake,
            hint=T("Every step: loss = ((slope * x + intercept - y) ** 2).mean(); optimizer.zero_grad(); "
                   "loss.backward(); optimizer.step(). 1000 steps with lr=0.05 are plenty.",
                   "每一步：loss = ((slope * x + intercept - y) ** 2).mean()；optimizer.zero_grad()；loss.backward()；"
                   "optimizer.step()。lr=0.05 走 1000 步足够了。"))
def descent_notes(m):
    return line(m.fit_line(*table(), lr=0.05, steps=1000))


@suite.case("fit_line finds the exact line y = 2x + 1", "fit_line 找到精确的直线 y = 2x + 1",
            atol=0.01, rtol=1e-3, diagnose=descent_mistake)
def descent_exact(m):
    x = torch.linspace(-1, 3, 15)
    return line(m.fit_line(x, 2 * x + 1, lr=0.05, steps=1000))


@suite.case("one step of lr=0.01 from zero, exactly", "从 0 出发、lr=0.01 走一步，数值完全一致",
            atol=1e-4, rtol=1e-4, diagnose=first_steps_mistake)
def descent_one_step(m):
    return line(m.fit_line(*table(), lr=0.01, steps=1))


@suite.case("ten steps of lr=0.01 from zero, exactly", "从 0 出发、lr=0.01 走十步，数值完全一致",
            atol=1e-4, rtol=1e-4, diagnose=first_steps_mistake)
def descent_ten_steps(m):
    return line(m.fit_line(*table(), lr=0.01, steps=10))


def _outcome(run):
    """A run's line, or the error it raised as plain data: the judge compares the first and second step."""
    try:
        return line(run())
    except Exception as exc:  # the learner's second step failing is the evidence, not a crash of the check
        return {"raised": type(exc).__name__, "message": str(exc)[:300]}


def rebinding_mistake(got, expected):
    """The first step worked and the second lost the graph (or the gradient): the update replaced the
    parameters with new tensors instead of changing them in place. Verified on both runs, not guessed."""
    if not isinstance(got, dict) or not isinstance(expected, dict):
        return None
    first, second = got.get("one step"), got.get("two steps")
    pairs = _numbers(first, expected.get("one step")) if isinstance(first, dict) else None
    if not pairs or not isinstance(second, dict) or "raised" not in second:
        return None
    (slope, intercept), (want_slope, want_intercept) = pairs
    if not (math.isclose(slope, want_slope, abs_tol=1e-4) and math.isclose(intercept, want_intercept, abs_tol=1e-4)):
        return None
    message = str(second.get("message", ""))
    if "does not require grad" in message or "NoneType" in message:
        return T("The first step worked and the second did not: after your update, slope and intercept are new "
                 "tensors. `slope = slope - lr * slope.grad` binds the name to a new tensor (without requires_grad "
                 "under torch.no_grad(), or a non-leaf whose .grad stays None without it). Change the parameter "
                 "itself, in place, inside torch.no_grad(): slope -= lr * slope.grad; or use torch.optim.SGD.",
                 "第一步正常，第二步出错：更新之后 slope 和 intercept 已经是新的张量了。"
                 "`slope = slope - lr * slope.grad` 让这个名字指向一个新张量（在 torch.no_grad() 下它没有 requires_grad，"
                 "不在 no_grad 下它是非叶子张量，.grad 一直是 None）。请在 torch.no_grad() 里原地修改参数本身："
                 "slope -= lr * slope.grad；或者使用 torch.optim.SGD。")
    return None


@suite.case("the parameters stay trainable: a second step works like the first",
            "参数保持可训练：第二步与第一步一样正常", atol=1e-4, rtol=1e-4, diagnose=rebinding_mistake)
def descent_second_step(m):
    x, y = table()
    return {"one step": _outcome(lambda: m.fit_line(x, y, lr=0.01, steps=1)),
            "two steps": _outcome(lambda: m.fit_line(x, y, lr=0.01, steps=2))}


@suite.case("fit_line leaves x and y as they were", "fit_line 不改动 x 和 y",
            hint=T("Only the slope and intercept need requires_grad=True; x and y are data, not parameters: "
                   "do not change them in place.",
                   "只有斜率和截距需要 requires_grad=True；x 和 y 是数据，不是参数：不要原地修改它们。"))
def descent_untouched(m):
    x, y = table()
    m.fit_line(x, y, lr=0.05, steps=5)
    return {
        "x.requires_grad": x.requires_grad,
        "y.requires_grad": y.requires_grad,
        "your x after the call": x,
        "your y after the call": y,
    }
