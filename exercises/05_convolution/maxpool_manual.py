"""Max pooling by hand / 亲手实现最大池化

English
-------
Write `max_pool2d(input, kernel_size, stride=None, padding=0, ceil_mode=False)`
that returns what `nn.MaxPool2d(kernel_size, stride, padding, ceil_mode=ceil_mode)`
returns, WITHOUT calling `F.max_pool2d`, `nn.MaxPool2d` or another pooling
function (the checker cannot see how you computed it; write the windows
yourself). `input` is a float tensor (N, C, H, W); the result is
(N, C, H_out, W_out) and each channel is pooled on its own.

- `stride=None` means stride = kernel_size: the windows do not overlap.
- Padding is NOT zeros: max pooling pads with -infinity, so a padded value
  can never be the maximum (think of an all-negative input).
  `F.pad(x, (p, p, p, p), value=float("-inf"))` does it.
- Output size (for H, and the same for W):

      floor mode:  H_out = (H + 2*padding - kernel_size) // stride + 1
      ceil_mode:   round that division UP instead, so a last, partial window at
                   the bottom/right still produces a value (the max of the part
                   that exists) -- but drop that last window if it would start
                   at or beyond H + padding, i.e. if (H_out - 1) * stride >= H + padding.
- Keep autograd working: the gradient of each output goes to the input
  element that was the maximum of its window. Keep the input's dtype and
  device.

The notes' example: the 5x5 input
[[1,2,0,3,1],[0,1,2,3,1],[1,2,1,0,0],[5,2,3,1,1],[2,1,0,1,1]] as (1, 1, 5, 5)
with kernel_size 3 gives [[2, 3], [5, 1]] with ceil_mode=True and [[2]]
without. The 2x2 result needs a partial window on the right (columns 3-4)
and at the bottom (rows 3-4).

Hint for a vectorised version: `x.unfold(2, k, s).unfold(3, k, s)` has shape
(N, C, H_out, W_out, k, k); take the max over the last two dimensions.

中文
----
请实现 `max_pool2d(input, kernel_size, stride=None, padding=0, ceil_mode=False)`，
结果与 `nn.MaxPool2d(kernel_size, stride, padding, ceil_mode=ceil_mode)` 相同，但“不要”
调用 `F.max_pool2d`、`nn.MaxPool2d` 或其他池化函数（检查程序看不出你是怎么算的；请自己
切出窗口）。`input` 是浮点张量 (N, C, H, W)；结果为 (N, C, H_out, W_out)，每个通道
单独池化。

- `stride=None` 表示 stride = kernel_size：窗口互不重叠。
- 填充的不是 0：最大池化用负无穷填充，这样填充的值永远不会成为最大值（想想输入全是
  负数的情况）。可以用 `F.pad(x, (p, p, p, p), value=float("-inf"))`。
- 输出尺寸（H 如下，W 同理）：

      floor 模式：H_out = (H + 2*padding - kernel_size) // stride + 1
      ceil_mode：  除法改为向上取整，这样底部/右侧最后一个不完整的窗口
                   也会产生一个值（取实际存在部分的最大值）——但如果这个
                   窗口的起点在 H + padding 处或更远，
                   即 (H_out - 1) * stride >= H + padding，就去掉它。
- 保持 autograd 可用：每个输出的梯度传给它所在窗口里取到最大值的那个输入元素。
  保持输入的 dtype 和设备。

笔记中的例子：5x5 的输入 [[1,2,0,3,1],[0,1,2,3,1],[1,2,1,0,0],[5,2,3,1,1],[2,1,0,1,1]]
reshape 成 (1, 1, 5, 5)，kernel_size 为 3，ceil_mode=True 时得到 [[2, 3], [5, 1]]，
否则得到 [[2]]。2x2 的结果需要右侧（第 3-4 列）和底部（第 3-4 行）不完整的窗口。

向量化写法的提示：`x.unfold(2, k, s).unfold(3, k, s)` 的形状是
(N, C, H_out, W_out, k, k)；在最后两个维度上取最大值。

Check your work / 检查：  learn check maxpool_manual
"""

import torch
import torch.nn.functional as F


def max_pool2d(
    input: torch.Tensor, kernel_size: int, stride: int | None = None, padding: int = 0, ceil_mode: bool = False
) -> torch.Tensor:
    # TODO: work out H_out and W_out, pad with -inf (left/top by padding, right/bottom
    #       as far as the last window needs), then take the max of every window.
    # TODO：先算出 H_out 和 W_out，用 -inf 填充（左/上补 padding，右/下补到最后一个窗口
    #       所需的位置），再对每个窗口取最大值。
    raise NotImplementedError("max_pool2d")
