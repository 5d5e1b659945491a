# expect: starting exactly there counts too
# The last-window test written with > instead of >=.
import torch.nn.functional as F


def max_pool2d(input, kernel_size, stride=None, padding=0, ceil_mode=False):
    stride = stride or kernel_size
    h, w = input.shape[-2:]

    def out_size(n):
        span = n + 2 * padding - kernel_size
        if not ceil_mode:
            return span // stride + 1
        out = -(-span // stride) + 1
        return out - 1 if (out - 1) * stride > n + padding else out

    oh, ow = out_size(h), out_size(w)
    extra_h = max((oh - 1) * stride + kernel_size - h - padding, 0)
    extra_w = max((ow - 1) * stride + kernel_size - w - padding, 0)
    x = F.pad(input, (padding, extra_w, padding, extra_h), value=float("-inf"))
    windows = x.unfold(2, kernel_size, stride).unfold(3, kernel_size, stride)[:, :, :oh, :ow]
    return windows.amax(dim=(-2, -1))
