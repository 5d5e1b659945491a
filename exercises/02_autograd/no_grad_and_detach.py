"""When gradients flow: no_grad, detach and zero_grad / 梯度何时流动：no_grad、detach 与 zero_grad

English
-------
Autograd follows three rules:

- `requires_grad` spreads: the result of an operation requires grad as soon
  as ONE of its inputs does. Only floating-point tensors can require grad.
- Under `with torch.no_grad():` nothing is recorded, so results do not
  require grad. This is how a model is evaluated (the notes' test loop);
  the setting ends with the `with` block.
- `t.detach()` is the same values, sharing memory, but cut off from the
  graph: to autograd it is a constant.

And one rule about `.grad`: `backward()` ADDS into `.grad`, it does not
overwrite it. Two backward calls without clearing give the sum of both
gradients; that is why a training loop calls `optimizer.zero_grad()`.
Because `.grad` is updated in place, keep a copy (`.clone()`) of any value
you want to remember.

Write four functions:

1. `make_leaf(values)`: a float32 leaf tensor that requires grad, from
   nested Python numbers (ints allowed: [1, 2, 3] gives [1., 2., 3.]).
2. `evaluate(w, x)`: `x @ w` computed without recording a graph. The result
   must not require grad, even though w does.
3. `constant_factor_grad(w)`: on a leaf copy of w, let `c = copy.detach()`
   and return the gradient of `(copy * c).sum()` with respect to the copy.
   As c is a constant, the answer is c itself (not 2 * w).
4. `grad_snapshots(w, loss_fn, steps, zero_grad)`: w is a leaf that requires
   grad. Repeat `steps` times: if `zero_grad`, clear w's gradient first;
   then call `loss_fn(w).backward()` and record a copy of `w.grad`. Return
   the list of copies. Leave w.grad as it is after the last step.

The notes' example: x = [[1.], [2.], [3.], [4.]] with requires_grad, and
y = sum(x**2 + 2*x + 1) = 54. After y.backward(), x.grad is
[[4.], [6.], [8.], [10.]]: shape (4, 1) like x (the notes print a 2x2 result,
which cannot be). A second backward without zeroing gives [[8.], [12.], ...].

中文
----
autograd 遵循三条规则：

- `requires_grad` 会传播：只要运算的输入中有一个需要梯度，结果就需要梯度。
  只有浮点类型的张量才能需要梯度。
- 在 `with torch.no_grad():` 里什么都不记录，所以结果不需要梯度。评估模型时就是这样做的
  （笔记中的测试循环）；离开 `with` 块后设置就结束了。
- `t.detach()` 的值相同、共享内存，但与计算图断开：对 autograd 来说它是常量。

还有一条关于 `.grad` 的规则：`backward()` 是把梯度加到 `.grad` 上，而不是覆盖它。
两次 backward 之间不清零，得到的是两次梯度之和；这就是训练循环要调用
`optimizer.zero_grad()` 的原因。由于 `.grad` 是原地更新的，想记住某个时刻的值，
就要保存一份副本（`.clone()`）。

请实现四个函数：

1. `make_leaf(values)`：由嵌套的 Python 数字（可以是整数：[1, 2, 3] 得到 [1., 2., 3.]）
   创建一个需要梯度的 float32 叶子张量。
2. `evaluate(w, x)`：计算 `x @ w`，但不记录计算图。即使 w 需要梯度，结果也不能需要梯度。
3. `constant_factor_grad(w)`：在 w 的叶子副本上，令 `c = copy.detach()`，返回
   `(copy * c).sum()` 对副本的梯度。因为 c 是常量，答案就是 c 本身（而不是 2 * w）。
4. `grad_snapshots(w, loss_fn, steps, zero_grad)`：w 是需要梯度的叶子张量。重复 `steps` 次：
   如果 `zero_grad` 为真，先清除 w 的梯度；然后调用 `loss_fn(w).backward()`，并记录
   `w.grad` 的一份副本。返回这些副本组成的列表。最后一步之后的 w.grad 保持原样。

笔记中的例子：x = [[1.], [2.], [3.], [4.]] 且需要梯度，y = sum(x**2 + 2*x + 1) = 54。
y.backward() 之后 x.grad 是 [[4.], [6.], [8.], [10.]]：形状与 x 相同，为 (4, 1)
（笔记打印出的是 2x2 的结果，这是不可能的）。不清零再做一次 backward，得到 [[8.], [12.], ...]。

    >>> w = make_leaf([[1], [2], [3], [4]])
    >>> snaps = grad_snapshots(w, lambda w: (w**2 + 2*w + 1).sum(), 2, zero_grad=False)
    >>> [s.flatten().tolist() for s in snaps]
    [[4.0, 6.0, 8.0, 10.0], [8.0, 12.0, 16.0, 20.0]]
    >>> evaluate(w, torch.ones(2, 4)).requires_grad
    False

Check your work / 检查：  learn check no_grad_and_detach
"""

from typing import Callable

import torch


def make_leaf(values: list) -> torch.Tensor:
    # TODO: a float32 tensor with requires_grad=True, created directly (so it is a leaf).
    # TODO：直接创建一个 float32、requires_grad=True 的张量（这样它才是叶子）。
    raise NotImplementedError("make_leaf")


def evaluate(w: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
    # TODO: x @ w inside torch.no_grad().
    # TODO：在 torch.no_grad() 中计算 x @ w。
    raise NotImplementedError("evaluate")


def constant_factor_grad(w: torch.Tensor) -> torch.Tensor:
    # TODO: leaf copy, c = copy.detach(), backward of (copy * c).sum(), return the gradient.
    # TODO：叶子副本，c = copy.detach()，对 (copy * c).sum() 调用 backward，返回梯度。
    raise NotImplementedError("constant_factor_grad")


def grad_snapshots(w: torch.Tensor, loss_fn: Callable[[torch.Tensor], torch.Tensor], steps: int,
                   zero_grad: bool) -> list[torch.Tensor]:
    # TODO: loop: maybe clear w.grad, backward, store w.grad.clone().
    # TODO：循环：视情况清除 w.grad，backward，保存 w.grad.clone()。
    raise NotImplementedError("grad_snapshots")
