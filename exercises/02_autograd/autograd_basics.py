"""Gradients with autograd / 用 autograd 求梯度

English
-------
A tensor created with `requires_grad=True` records every operation done
with it. Calling `.backward()` on a scalar result fills `.grad` of each such
leaf with the derivative.

1. `quadratic_grad(x)`: return the gradient of `sum(x**2 + 2*x + 1)` with
   respect to `x`, computed by autograd (not by hand). Work on a copy:
   `x.detach().clone().requires_grad_(True)`, so the caller's tensor is left
   untouched. For x = [1., 2., 3.] the answer is [4., 6., 8.].
2. `weighted_grad(x, weights)`: let `y = 2 * x` (a vector, not a scalar).
   `y.backward(weights)` computes the gradient of `sum(weights * y)`.
   Return the resulting gradient of `x` (again on a copy of x).

The returned tensors should not require grad themselves.

中文
----
用 `requires_grad=True` 创建的张量会记录对它做的每一个运算。对一个标量结果
调用 `.backward()`，会把导数填进每个这样的叶子张量的 `.grad`。

1. `quadratic_grad(x)`：返回 `sum(x**2 + 2*x + 1)` 对 `x` 的梯度，要用 autograd
   计算（不要手算公式）。请在副本上操作：`x.detach().clone().requires_grad_(True)`，
   不要改动调用者的张量。x = [1., 2., 3.] 时答案是 [4., 6., 8.]。
2. `weighted_grad(x, weights)`：令 `y = 2 * x`（是向量，不是标量）。
   `y.backward(weights)` 计算的是 `sum(weights * y)` 的梯度。返回 x 的梯度
   （同样在 x 的副本上操作）。

返回的张量本身不应再需要梯度。

Check your work / 检查：  learn check autograd_basics
"""

import torch


def quadratic_grad(x: torch.Tensor) -> torch.Tensor:
    # TODO: copy x with requires_grad, build the sum, call backward, return the grad.
    # TODO：复制 x 并设置 requires_grad，构造求和结果，调用 backward，返回梯度。
    raise NotImplementedError("quadratic_grad")


def weighted_grad(x: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
    # TODO: y = 2 * x on a copy of x; y.backward(weights); return the gradient.
    # TODO：在 x 的副本上计算 y = 2 * x；y.backward(weights)；返回梯度。
    raise NotImplementedError("weighted_grad")
