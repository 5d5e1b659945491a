"""grad_fn, and why .data is dangerous / grad_fn，以及 .data 为什么危险

English
-------
The notes describe three parts of an autograd tensor: its values (`.data`),
its gradient (`.grad`) and `grad_fn`, the function that produced it, which
backward() follows. A leaf (a tensor you created) has no grad_fn; the sum of
the notes' example prints `tensor(54., grad_fn=<SumBackward0>)`.

`.data` hands out the same values with autograd looking away. Changing a
tensor through `.data` is invisible to autograd: if backward() needs the old
values (sigmoid's backward reuses its output, for instance), it silently
computes a WRONG gradient. `.detach()` also shares the values, but autograd
keeps a version count on them: an in-place change through a detached tensor
makes a later backward() that needs the old values raise RuntimeError instead.

Write:

- `graph_facts(t)`: {"requires_grad": bool, "is_leaf": bool, "grad_fn": the
  name of the class of t.grad_fn (e.g. "SumBackward0"), or None for a leaf}.
- `scale_parameter_(w, factor)`: multiply the leaf w (which requires grad) by
  `factor` in place, without autograd recording it (under torch.no_grad()).
  w must stay the same leaf tensor that requires grad; its .grad is left as
  it is. Return nothing.
- `frozen_copy(t)`: a tensor with t's values that is cut from the graph
  (requires_grad False) and has its OWN memory: changing it must not change t.
- `reset_checked(y)`: set every value of y to 0 in place so that autograd
  can notice it: through `y.detach()`, never through `y.data`. Return nothing.

中文
----
笔记介绍了 autograd 张量的三个组成部分：数值（`.data`）、梯度（`.grad`）以及
`grad_fn`，即生成这个张量的函数，backward() 沿着它反向计算。叶子张量（你自己创建的
张量）没有 grad_fn；笔记例子中的求和打印为 `tensor(54., grad_fn=<SumBackward0>)`。

`.data` 给出同样的数值，但 autograd 不会察觉对它的使用。通过 `.data` 修改张量，
autograd 完全看不到：如果 backward() 需要旧的数值（例如 sigmoid 的反向计算会用到它的
输出），它就会悄无声息地算出错误的梯度。`.detach()` 同样共享数值，但 autograd 会为
这些数值记录版本号：通过分离出来的张量做原地修改之后，需要旧数值的 backward() 会抛出
RuntimeError，而不是给出错误的结果。

请实现：

- `graph_facts(t)`：返回 {"requires_grad": bool, "is_leaf": bool, "grad_fn":
  t.grad_fn 所属类的名字（例如 "SumBackward0"），叶子张量为 None}。
- `scale_parameter_(w, factor)`：把需要梯度的叶子张量 w 原地乘以 `factor`，并且不让
  autograd 记录（放在 torch.no_grad() 下）。w 必须仍是同一个需要梯度的叶子张量；
  它的 .grad 保持不变。不需要返回值。
- `frozen_copy(t)`：返回一个数值与 t 相同的张量，它与计算图断开（requires_grad 为
  False），并且有自己的内存：修改它不能改变 t。
- `reset_checked(y)`：把 y 的每个值原地置为 0，并让 autograd 能察觉到：通过
  `y.detach()`，绝不通过 `y.data`。不需要返回值。

    >>> x = torch.tensor([3.0], requires_grad=True)
    >>> graph_facts((x * x * 6).sum())
    {'requires_grad': True, 'is_leaf': False, 'grad_fn': 'SumBackward0'}
    >>> graph_facts(x)
    {'requires_grad': True, 'is_leaf': True, 'grad_fn': None}

Check your work / 检查：  learn check grad_fn_and_data
"""

import torch


def graph_facts(t: torch.Tensor) -> dict:
    # TODO: t.requires_grad, t.is_leaf, type(t.grad_fn).__name__ or None.
    # TODO：t.requires_grad、t.is_leaf、type(t.grad_fn).__name__ 或 None。
    raise NotImplementedError("graph_facts")


def scale_parameter_(w: torch.Tensor, factor: float) -> None:
    # TODO: with torch.no_grad(): w.mul_(factor).
    # TODO：with torch.no_grad(): w.mul_(factor)。
    raise NotImplementedError("scale_parameter_")


def frozen_copy(t: torch.Tensor) -> torch.Tensor:
    # TODO: detach, then clone.
    # TODO：先 detach，再 clone。
    raise NotImplementedError("frozen_copy")


def reset_checked(y: torch.Tensor) -> None:
    # TODO: y.detach().zero_() — not y.data.zero_().
    # TODO：y.detach().zero_()，而不是 y.data.zero_()。
    raise NotImplementedError("reset_checked")
