"""Output size of max pooling / 最大池化的输出尺寸

English
-------
`nn.MaxPool2d(kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False)`
keeps the largest value of each window. Write
`pool_output_size(size, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False)`:
the length of ONE spatial dimension after pooling, exactly as PyTorch
computes it.

- `stride=None` means the stride equals `kernel_size` (windows do not overlap);
- without `ceil_mode` the division rounds down (like convolution);
- with `ceil_mode=True` it rounds up, so a last, partial window is kept. But
  PyTorch drops that last window when it would start at or beyond the end of
  the input plus the left padding (in the right padding, or exactly where it
  begins): if `(out - 1) * stride >= size + padding`, use `out - 1`.

Example from the notes: a 5x5 input with kernel 3 gives 2x2 with
`ceil_mode=True` ([[2, 3], [5, 1]]) and 1x1 without.

中文
----
`nn.MaxPool2d(kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False)`
保留每个窗口中的最大值。请实现
`pool_output_size(size, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False)`：
池化之后一个空间维度的长度，要与 PyTorch 的计算完全一致。

- `stride=None` 表示步幅等于 `kernel_size`（窗口互不重叠）；
- 不开 `ceil_mode` 时除法向下取整（与卷积相同）；
- `ceil_mode=True` 时向上取整，保留最后一个不完整的窗口。但如果这个窗口的
  起点落在“输入 + 左侧填充”的末端或更远处（恰好在右侧填充的开头，或在填充里面），
  PyTorch 会去掉它：若 `(out - 1) * stride >= size + padding`，结果为 `out - 1`。

笔记中的例子：5x5 输入、池化核 3，`ceil_mode=True` 时输出 2x2（[[2, 3], [5, 1]]），
否则输出 1x1。

    >>> pool_output_size(5, 3, ceil_mode=True)
    2
    >>> pool_output_size(5, 3)
    1

Check your work / 检查：  learn check pool_output_size
"""


def pool_output_size(
    size: int,
    kernel_size: int,
    stride: int | None = None,
    padding: int = 0,
    dilation: int = 1,
    ceil_mode: bool = False,
) -> int:
    # TODO: handle stride=None, then the floor or ceil formula, then PyTorch's last-window rule.
    # TODO：先处理 stride=None，再用向下或向上取整的公式，最后应用 PyTorch 的最后窗口规则。
    raise NotImplementedError("pool_output_size")
