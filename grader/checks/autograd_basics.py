"""Checks for exercises/02_autograd/autograd_basics.py."""

from __future__ import annotations

from grader.checks import Suite, T, lazy

torch = lazy("torch")

suite = Suite("autograd_basics", names=("quadratic_grad", "weighted_grad"))

ON_A_COPY = T(
    "Work on leaf = x.detach().clone().requires_grad_(True) and return leaf.grad.",
    "在 leaf = x.detach().clone().requires_grad_(True) 上计算，并返回 leaf.grad。",
)


def forgot_linear_term(got, expected):
    """2x instead of 2x + 2: the derivative of 2*x (and of the constant) went missing."""
    if getattr(got, "values", None) is not None and getattr(expected, "values", None) is not None:
        if got.values.shape == expected.values.shape and abs((expected.values - got.values) - 2).max() < 1e-4:
            return T("Every value is 2 too small: the 2*x term contributes 2 to the derivative.",
                     "每个值都小了 2：2*x 这一项对导数的贡献是 2。")
    return None


@suite.case("quadratic_grad([1, 2, 3]) is [4, 6, 8]", "quadratic_grad([1, 2, 3]) 等于 [4, 6, 8]",
            hint=ON_A_COPY, diagnose=forgot_linear_term)
def quadratic_notes(m):
    return m.quadratic_grad(torch.tensor([1.0, 2.0, 3.0]))


@suite.case("quadratic_grad on random values", "quadratic_grad 作用在随机值上", diagnose=forgot_linear_term)
def quadratic_random(m):
    return m.quadratic_grad(torch.randn(7))


@suite.case("quadratic_grad on a (3, 4) matrix", "quadratic_grad 作用在 (3, 4) 矩阵上",
            hint=T("sum() reduces every element, so the gradient has the shape of x.",
                   "sum() 会对所有元素求和，所以梯度的形状与 x 相同。"))
def quadratic_matrix(m):
    return m.quadratic_grad(torch.randn(3, 4))


@suite.case("quadratic_grad keeps float64", "quadratic_grad 保持 float64",
            hint=T("Do not convert the input: the gradient has the dtype of x.", "不要转换输入的类型：梯度的 dtype 与 x 相同。"))
def quadratic_double(m):
    return m.quadratic_grad(torch.randn(4, dtype=torch.float64))


@suite.case("quadratic_grad leaves the caller's tensor untouched", "quadratic_grad 不改动调用者的张量",
            hint=T("Do not change the caller's x in place. " + ON_A_COPY.en,
                   "不要原地修改调用者的 x。" + ON_A_COPY.zh))
def quadratic_untouched(m):
    x = torch.randn(5)
    grad = m.quadratic_grad(x)
    return {
        "gradient": grad,
        "x.requires_grad": x.requires_grad,
        "x.grad is None": x.grad is None,
        "your x after the call": x,
    }


@suite.case("weighted_grad with the weights [0.1, 1.0, 0.0001]", "weighted_grad，权重为 [0.1, 1.0, 0.0001]",
            hint=T("y = 2 * leaf; y.backward(weights); the gradient is 2 * weights.",
                   "y = 2 * leaf；y.backward(weights)；梯度等于 2 * weights。"))
def weighted_classic(m):
    return m.weighted_grad(torch.randn(3), torch.tensor([0.1, 1.0, 0.0001]))


@suite.case("weighted_grad with ones is 2 everywhere", "weights 全为 1 时 weighted_grad 处处为 2")
def weighted_ones(m):
    return m.weighted_grad(torch.randn(6), torch.ones(6))


@suite.case("weighted_grad on random weights", "weighted_grad 使用随机权重")
def weighted_random(m):
    return m.weighted_grad(torch.randn(8), torch.randn(8))
