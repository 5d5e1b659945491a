"""A 2-D convolution by hand / 亲手实现二维卷积

English
-------
Write `conv2d(input, kernel, stride=1, padding=0)` that computes what
`torch.nn.functional.conv2d(input, kernel, stride=stride, padding=padding)`
computes (no bias), WITHOUT calling `F.conv2d`, `torch.conv2d` or
`nn.Conv2d`. The checker only compares results, so it cannot tell how you
got them: the point of the exercise is to write the sliding window yourself.

Shapes:

    input   (N, C_in, H, W)          floating point
    kernel  (C_out, C_in, kH, kW)
    output  (N, C_out, H_out, W_out),  H_out = (H + 2*padding - kH) // stride + 1
                                       (same for W_out)

Output value (n, o, i, j) is the sum over every input channel c and every
kernel position (a, b) of

    padded_input[n, c, i*stride + a, j*stride + b] * kernel[o, c, a, b]

- The kernel is NOT flipped: deep-learning "convolution" is a
  cross-correlation, multiply each window element-wise with the kernel as is.
- `padding` adds that many zeros on all four sides (`F.pad` is allowed).
- The window for output (i, j) starts at row `i*stride`, column `j*stride`.
- Keep the result connected to autograd: gradients must reach both `input`
  and `kernel` (no `.item()`, `.numpy()` or `.detach()` on the way), keep the
  input's dtype, and create new tensors on the input's device.

Two ways to do it: four nested loops over the output positions (slow but
clear), or `Tensor.unfold` to cut every window at once, then one `einsum` or
matrix multiplication.

The notes' example: input [[1,2,0,3,1],[0,1,2,3,1],[1,2,1,0,0],[5,2,3,1,1],[2,1,0,1,1]]
reshaped to (1, 1, 5, 5) and kernel [[1,2,1],[0,1,0],[2,1,0]] reshaped to
(1, 1, 3, 3) give

    stride 1:  [[10, 12, 12], [18, 16, 16], [13, 9, 3]]
    stride 2:  [[10, 12], [13, 3]]
    padding 1: a 5x5 result whose centre 3x3 is the stride-1 result.

中文
----
请实现 `conv2d(input, kernel, stride=1, padding=0)`，计算结果与
`torch.nn.functional.conv2d(input, kernel, stride=stride, padding=padding)`（无偏置）
相同，但“不要”调用 `F.conv2d`、`torch.conv2d` 或 `nn.Conv2d`。检查程序只比较结果，
看不出你是怎么算的：这道题的意义就在于自己写出滑动窗口。

形状：input 为 (N, C_in, H, W)（浮点数），kernel 为 (C_out, C_in, kH, kW)，
输出为 (N, C_out, H_out, W_out)，其中 H_out = (H + 2*padding - kH) // stride + 1（W_out 同理）。

输出位置 (n, o, i, j) 的值，是对每个输入通道 c 和卷积核的每个位置 (a, b) 求和：
`padded_input[n, c, i*stride + a, j*stride + b] * kernel[o, c, a, b]`。

- 卷积核“不”翻转：深度学习里的“卷积”其实是互相关，直接把每个窗口与卷积核逐元素相乘。
- `padding` 在上下左右各补这么多个 0（可以用 `F.pad`）。
- 输出 (i, j) 对应的窗口从第 `i*stride` 行、第 `j*stride` 列开始。
- 结果要保持与 autograd 的连接：梯度必须能传到 `input` 和 `kernel`（中间不要用
  `.item()`、`.numpy()` 或 `.detach()`）；保持输入的 dtype；新张量要创建在输入所在的设备上。

两种写法：对输出位置写四重循环（慢但清楚），或者用 `Tensor.unfold` 一次切出所有窗口，
再做一次 `einsum` 或矩阵乘法。

笔记中的例子：输入 [[1,2,0,3,1],[0,1,2,3,1],[1,2,1,0,0],[5,2,3,1,1],[2,1,0,1,1]]
reshape 成 (1, 1, 5, 5)，卷积核 [[1,2,1],[0,1,0],[2,1,0]] reshape 成 (1, 1, 3, 3)，得到

    stride 1:  [[10, 12, 12], [18, 16, 16], [13, 9, 3]]
    stride 2:  [[10, 12], [13, 3]]
    padding 1: 5x5 的结果，其中间 3x3 就是 stride 1 的结果。

Check your work / 检查：  learn check conv2d_manual
"""

import torch
import torch.nn.functional as F


def conv2d(input: torch.Tensor, kernel: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
    # TODO: pad the input, slide a kH x kW window with the given stride, and for each
    #       output channel sum window * kernel over channels and kernel positions.
    # TODO：先补零，再以给定步幅滑动 kH x kW 的窗口；对每个输出通道，
    #       把 窗口 * 卷积核 在通道和卷积核位置上求和。
    raise NotImplementedError("conv2d")
