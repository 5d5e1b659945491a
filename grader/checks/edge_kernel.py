"""Checks for exercises/05_convolution/edge_kernel.py.

Convolutions are built here with seeded weights, so a correct `set_kernel` leaves
the learner's and the reference's layers identical value by value.
"""

from __future__ import annotations

import numpy as np

from grader.checks import TORCH_AND_DYNAMO, Suite, T, TensorRecord, lazy, load_reference_weights

torch = lazy("torch")
nn = lazy("torch.nn")

suite = Suite("edge_kernel", names=("outline_kernel", "set_kernel", "edge_map"), needs=TORCH_AND_DYNAMO)

ODD_ONLY = T(
    "Only an odd, positive size has a centre pixel: raise ValueError for an even size, 0 or a negative one.",
    "只有正奇数的尺寸才有中心像素：偶数、0 或负数都要抛出 ValueError。",
)
NO_GRAD = T(
    "Write into the weight inside `with torch.no_grad():` with an in-place copy (conv.weight[channel, 0]"
    ".copy_(kernel)). Without no_grad, autograd refuses: \"a leaf Variable that requires grad is being used in "
    "an in-place operation\".",
    "在 `with torch.no_grad():` 里面用原地复制写入权重（conv.weight[channel, 0].copy_(kernel)）。"
    "没有 no_grad 时 autograd 会拒绝：\"a leaf Variable that requires grad is being used in an in-place operation\"。",
)
SAME_PARAMETER = T(
    "Keep the parameter object: conv.weight = nn.Parameter(...) creates a new tensor that an optimizer made "
    "earlier does not hold, so training would never change your kernel. Copy the values in instead.",
    "要保留原来的参数对象：conv.weight = nn.Parameter(...) 会创建一个新张量，之前创建的优化器并不持有它，"
    "训练时你的卷积核永远不会被更新。请把数值复制进去。",
)


def flat_sum_mistake(got, expected) -> T | None:
    """A kernel whose centre is size*size (not size*size - 1) no longer sums to 0."""
    if isinstance(got, TensorRecord) and isinstance(expected, TensorRecord) and got.values is not None:
        if got.shape == expected.shape and np.allclose(got.values, got.values.flat[0]) and got.values.flat[0] != 0:
            return T("A flat image must give 0 everywhere: the centre is size * size - 1, so that it cancels the "
                     "size * size - 1 pixels of -1 around it.",
                     "亮度均匀的图像处处应输出 0：中心值是 size * size - 1，正好抵消周围 size * size - 1 个 -1。")
    return None


def seeded_conv(out_channels: int, kernel_size: int, seed: int):
    conv = nn.Conv2d(1, out_channels, kernel_size, bias=False)
    load_reference_weights(conv, seed)
    return conv


@suite.case("the notes' 5x5 kernel: -1 everywhere, 24 at the centre", "笔记中的 5x5 卷积核：全为 -1，中心为 24")
def notes_kernel(m):
    return m.outline_kernel(5)


@suite.case("a 3x3 kernel has 8 at the centre", "3x3 卷积核的中心为 8")
def kernel_3(m):
    return m.outline_kernel(3)


@suite.case("the smallest size, 1: [[0.]]", "最小的尺寸 1：[[0.]]",
            hint=T("With size 1 the centre is the only pixel: 1 * 1 - 1 = 0.", "size 为 1 时中心就是唯一的像素：1 * 1 - 1 = 0。"))
def kernel_1(m):
    return m.outline_kernel(1)


@suite.case("an even size (4) has no centre: ValueError", "偶数尺寸（4）没有中心：ValueError", hint=ODD_ONLY)
def kernel_even(m):
    return m.outline_kernel(4)


@suite.case("size 0 raises ValueError", "size 为 0 时抛出 ValueError", hint=ODD_ONLY)
def kernel_zero(m):
    return m.outline_kernel(0)


@suite.case("a negative size (-3) raises ValueError", "负数尺寸（-3）抛出 ValueError", hint=ODD_ONLY)
def kernel_negative(m):
    return m.outline_kernel(-3)


@suite.case("every odd size from 1 to 11 sums to 0", "1 到 11 的每个奇数尺寸总和都为 0")
def kernel_sums(m):
    return [float(m.outline_kernel(size).sum()) for size in range(1, 12, 2)]


@suite.case("set_kernel on the notes' Conv2d(1, 2, 5): channel 0 gets the kernel, channel 1 is unchanged",
            "对笔记中的 Conv2d(1, 2, 5) 调用 set_kernel：通道 0 得到卷积核，通道 1 保持不变", hint=NO_GRAD)
def write_first(m):
    conv = seeded_conv(2, 5, 515)
    m.set_kernel(conv, -torch.ones(5, 5) + 25 * (torch.arange(25).reshape(5, 5) == 12))
    return conv.weight.detach()


@suite.case("the last channel (channel=3 of 4) is written, the others are unchanged",
            "写入最后一个通道（4 个中的 channel=3），其他通道不变",
            hint=T("Index the output channel: conv.weight[channel, 0] is the (k, k) kernel of that channel.",
                   "按输出通道取下标：conv.weight[channel, 0] 就是该通道的 (k, k) 卷积核。"))
def write_last(m):
    conv = seeded_conv(4, 3, 516)
    m.set_kernel(conv, torch.arange(9.0).reshape(3, 3), channel=3)
    return conv.weight.detach()


@suite.case("conv.weight stays the same Parameter: it requires grad, an optimizer made before trains it",
            "conv.weight 仍是原来的 Parameter：它需要梯度，之前创建的优化器能训练它", hint=SAME_PARAMETER)
def keeps_parameter(m):
    conv = seeded_conv(2, 3, 517)
    optimizer = torch.optim.SGD(conv.parameters(), lr=0.1)
    before = conv.weight
    m.set_kernel(conv, torch.ones(3, 3))
    written = conv.weight.detach().clone()
    optimizer.zero_grad()
    conv(torch.ones(1, 1, 4, 4)).sum().backward()
    optimizer.step()
    return {
        "the weight is the object the optimizer holds": conv.weight is before,
        "the weight is an nn.Parameter": isinstance(conv.weight, nn.Parameter),
        "the weight requires grad": conv.weight.requires_grad,
        "the weight is still a leaf (no grad_fn)": conv.weight.grad_fn is None,
        "the weight after one SGD step (the optimizer trained the written kernel)": conv.weight.detach() - written,
    }


@suite.case("a kernel of the wrong shape (3x3 into a 5x5 conv) raises ValueError",
            "形状不对的卷积核（把 3x3 写进 5x5 的卷积）抛出 ValueError",
            hint=T("Compare kernel.shape with conv.weight.shape[2:] before writing and raise ValueError when they "
                   "differ (a (1, 5, 5) kernel does not fit either).",
                   "写入之前比较 kernel.shape 和 conv.weight.shape[2:]，不同就抛出 ValueError（(1, 5, 5) 的卷积核"
                   "也不合适）。"))
def wrong_shape(m):
    return m.set_kernel(seeded_conv(2, 5, 518), torch.ones(3, 3))


@suite.case("a (1, 5, 5) kernel (one dimension too many) raises ValueError too",
            "(1, 5, 5) 的卷积核（多了一个维度）同样抛出 ValueError")
def wrong_rank(m):
    return m.set_kernel(seeded_conv(1, 5, 519), torch.ones(1, 5, 5))


@suite.case("edge_map of a flat 512x768 image (the notes' size): 508x764 zeros",
            "亮度均匀的 512x768 图像（笔记中的尺寸）的 edge_map：508x764 个 0", diagnose=flat_sum_mistake)
def flat_image(m):
    return m.edge_map(torch.full((512, 768), 0.75))


@suite.case("edge_map finds the border of a bright square", "edge_map 找出亮方块的边界")
def square_image(m):
    image = torch.zeros(24, 32)
    image[6:18, 8:20] = 1.0
    return m.edge_map(image)


@suite.case("edge_map of a random image, and it has no autograd history",
            "随机图像的 edge_map，且没有 autograd 计算历史",
            hint=T("Run the layer under torch.no_grad() (or .detach() the result): its weight requires grad, so the "
                   "output would carry a grad_fn.",
                   "在 torch.no_grad() 下运行这一层（或对结果调用 .detach()）：它的权重需要梯度，输出会带上 grad_fn。"))
def random_image(m):
    image = torch.rand(20, 17)
    result = m.edge_map(image)
    return {"edge map": result, "requires_grad": result.requires_grad}


@suite.case("edge_map on the smallest image, 5x5: a 1x1 result", "最小的图像 5x5 的 edge_map：1x1 的结果")
def smallest_image(m):
    return m.edge_map(torch.arange(25.0).reshape(5, 5) ** 2)
