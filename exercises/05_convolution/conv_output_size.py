"""Output size of a convolution / 卷积的输出尺寸

English
-------
`nn.Conv2d` slides a kernel over its input. How large is the output? Write
`conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1)`: the
length of ONE spatial dimension (height or width) after the convolution.

- `padding` adds that many zeros on BOTH sides;
- `stride` is how far the kernel moves each step;
- `dilation` spreads the kernel's taps apart (dilation=1 means no gaps).

Example from the notes: a 5x5 input and a 3x3 kernel give a 3x3 output with
stride 1, and 2x2 with stride 2. A (7, 3, 60, 60) batch through
Conv2d(3, 10, kernel_size=3, padding=1, stride=2) comes out (7, 10, 30, 30).

中文
----
`nn.Conv2d` 让卷积核在输入上滑动。输出有多大？请实现
`conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1)`：
卷积之后一个空间维度（高或宽）的长度。

- `padding` 在两侧各补这么多个 0；
- `stride` 是卷积核每一步移动的距离；
- `dilation` 让卷积核的采样点彼此拉开（dilation=1 表示没有间隔）。

笔记中的例子：5x5 输入、3x3 卷积核，stride=1 时输出 3x3，stride=2 时输出 2x2。
形状为 (7, 3, 60, 60) 的一批数据经过 Conv2d(3, 10, kernel_size=3, padding=1, stride=2)
之后变为 (7, 10, 30, 30)。

    >>> conv_output_size(5, 3)
    3
    >>> conv_output_size(60, 3, stride=2, padding=1)
    30

Check your work / 检查：  learn check conv_output_size
"""


def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0, dilation: int = 1) -> int:
    # TODO: return the output length as an int (use // for the floor division).
    # TODO：以 int 返回输出长度（用 // 做向下取整除法）。
    raise NotImplementedError("conv_output_size")
