# expect: ceil_mode is ignored
import torch.nn.functional as F


def max_pool2d(input, kernel_size, stride=None, padding=0, ceil_mode=False):
    stride = stride or kernel_size
    x = F.pad(input, (padding, padding, padding, padding), value=float("-inf"))
    windows = x.unfold(2, kernel_size, stride).unfold(3, kernel_size, stride)
    return windows.flatten(-2).max(dim=-1).values
