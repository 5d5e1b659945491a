"""Checks for exercises/02_autograd/grad_fn_and_data.py.

Where autograd is expected to refuse a backward, the case catches the error and
returns its type and message as raw evidence; the judge compares it with the
reference's.
"""

from __future__ import annotations

from typing import Any

from grader.checks import TORCH_AND_DYNAMO, Suite, T, facts, lazy

torch = lazy("torch")

suite = Suite("grad_fn_and_data", names=("graph_facts", "scale_parameter_", "frozen_copy", "reset_checked"),
              needs=TORCH_AND_DYNAMO)

NAME_OF_GRAD_FN = T(
    "grad_fn is an object; its class name says which operation made the tensor: type(t.grad_fn).__name__ "
    "(\"SumBackward0\"), and None for a leaf.",
    "grad_fn 是一个对象；它所属类的名字说明张量是由哪个运算得到的：type(t.grad_fn).__name__（\"SumBackward0\"），"
    "叶子张量为 None。",
)
NO_GRAD_UPDATE = T(
    "Change the parameter in place under torch.no_grad() (w.mul_(factor)): w = w * factor makes a new, non-leaf "
    "tensor, and an in-place change outside no_grad is refused for a leaf that requires grad.",
    "在 torch.no_grad() 下原地修改参数（w.mul_(factor)）：w = w * factor 会得到一个新的非叶子张量，"
    "而在 no_grad 之外对需要梯度的叶子张量做原地修改会被拒绝。",
)
OWN_MEMORY = T(
    "detach() alone shares memory with t: clone() the detached tensor so that changing the copy leaves t alone "
    "(t.detach().clone()).",
    "只用 detach() 会与 t 共享内存：要对分离出来的张量再 clone()，这样修改副本不会影响 t（t.detach().clone()）。",
)
CHECKED_RESET = T(
    "Zero the values through y.detach() (y.detach().zero_()): y.data.zero_() hides the change from autograd, and "
    "sigmoid's backward then silently uses the zeros instead of its output.",
    "通过 y.detach() 置 0（y.detach().zero_()）：y.data.zero_() 会对 autograd 隐瞒这次修改，sigmoid 的反向计算"
    "就会悄无声息地用这些 0 代替它的输出。",
)


@suite.case("a leaf that requires grad: is_leaf True, no grad_fn", "需要梯度的叶子张量：is_leaf 为 True，没有 grad_fn",
            hint=NAME_OF_GRAD_FN)
def leaf(m):
    return m.graph_facts(torch.tensor([3.0], requires_grad=True))


@suite.case("the notes' sum: grad_fn SumBackward0; a product: MulBackward0",
            "笔记中的求和：grad_fn 为 SumBackward0；乘积：MulBackward0", hint=NAME_OF_GRAD_FN)
def made_by_operations(m):
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    product = x * x * 6
    return [m.graph_facts(product), m.graph_facts(product.sum())]


@suite.case("a tensor that does not require grad, and one computed under no_grad",
            "不需要梯度的张量，以及在 no_grad 下算出的张量")
def without_grad(m):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    with torch.no_grad():
        under_no_grad = x * 2
    return [m.graph_facts(torch.ones(2)), m.graph_facts(under_no_grad)]


@suite.case("detach() gives a leaf without grad", "detach() 得到一个不需要梯度的叶子张量")
def detached(m):
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    return m.graph_facts((x * 3).detach())


def parameter_after(m, factor: float) -> dict[str, Any]:
    w = torch.nn.Parameter(torch.randn(3, 4))
    optimizer = torch.optim.SGD([w], lr=0.1)
    (w ** 2).sum().backward()
    grad_before = w.grad.clone()
    held = optimizer.param_groups[0]["params"][0]
    m.scale_parameter_(w, factor)
    return {
        "values": w.detach().clone(),
        "still a leaf": w.is_leaf,
        "still requires grad": w.requires_grad,
        "no grad_fn": w.grad_fn is None,
        "the optimizer still holds it": held is w,
        "grad before scale_parameter_": grad_before,
        "grad after scale_parameter_": w.grad,
    }


@suite.case("scale_parameter_ by 0.5: values halved, w stays the same leaf, its grad untouched",
            "scale_parameter_ 乘以 0.5：数值减半，w 仍是同一个叶子张量，梯度不变", hint=NO_GRAD_UPDATE)
def scale_half(m):
    return parameter_after(m, 0.5)


@suite.case("scale_parameter_ by 0 (the smallest factor): all zeros, still a leaf", "scale_parameter_ 乘以 0（最小的因子）：全为 0，仍是叶子",
            hint=NO_GRAD_UPDATE)
def scale_zero(m):
    return parameter_after(m, 0.0)


@suite.case("scale_parameter_ records nothing: a later backward gives the gradient at the new values",
            "scale_parameter_ 不记录任何东西：之后的 backward 给出新数值处的梯度", hint=NO_GRAD_UPDATE)
def scale_then_backward(m):
    w = torch.tensor([1.0, -2.0, 4.0], requires_grad=True)
    m.scale_parameter_(w, 3.0)
    (w ** 2).sum().backward()
    return {"w": w.detach(), "w.grad": w.grad}


@suite.case("frozen_copy: same values, no grad, and changing it leaves t unchanged",
            "frozen_copy：数值相同、不需要梯度，并且修改它不会改变 t", hint=OWN_MEMORY)
def frozen(m):
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    t = x * 2
    copy = m.frozen_copy(t)
    facts = {"copy": copy.clone(), "copy requires grad": copy.requires_grad}
    copy.fill_(-1.0)
    return {**facts, "t after the copy was filled with -1": t.detach()}


@suite.case("frozen_copy of a leaf parameter: the parameter keeps its values", "对叶子参数调用 frozen_copy：参数保持原值",
            hint=OWN_MEMORY)
def frozen_leaf(m):
    w = torch.nn.Parameter(torch.arange(4.0))
    copy = m.frozen_copy(w)
    copy.add_(10)
    return {"w": w.detach(), "copy is w": copy is w}


def backward_after_reset(m, make) -> dict[str, Any]:
    x = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
    y = make(x)
    m.reset_checked(y)
    result: dict[str, Any] = {"y after reset_checked": y.detach().clone()}
    try:
        y.sum().backward()
        result["backward"] = "ran"
        result["x.grad"] = x.grad
    except RuntimeError as error:
        result["backward"] = "RuntimeError"
        result["error message"] = str(error)[:400]
    return result


def backward_facts(run: Any) -> dict[str, Any]:
    """Judge side: what backward did after the reset, read from the raw record."""
    refused = run["backward"] == "RuntimeError"
    return {
        "y after reset_checked": run["y after reset_checked"],
        "backward refused": refused,
        "it refused because a value it needs was modified in place": refused and "inplace" in run["error message"],
        "x.grad (when backward ran)": None if refused else run["x.grad"],
    }


@suite.case("after reset_checked(sigmoid(x)), backward refuses instead of using the zeros",
            "reset_checked(sigmoid(x)) 之后，backward 会拒绝计算，而不是用这些 0", hint=CHECKED_RESET,
            rule=facts(backward_facts))
def reset_sigmoid(m):
    return backward_after_reset(m, torch.sigmoid)


@suite.case("after reset_checked(exp(x)), the same: exp's backward needs its output too",
            "reset_checked(exp(x)) 之后同样如此：exp 的反向计算也需要它的输出", hint=CHECKED_RESET,
            rule=facts(backward_facts))
def reset_exp(m):
    return backward_after_reset(m, torch.exp)


@suite.case("after reset_checked(x + 1), backward still runs: addition's backward needs no values",
            "reset_checked(x + 1) 之后 backward 仍能运行：加法的反向计算不需要数值", rule=facts(backward_facts))
def reset_add(m):
    return backward_after_reset(m, lambda x: x + 1)
