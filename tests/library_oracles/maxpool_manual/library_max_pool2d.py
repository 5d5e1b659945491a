# F.max_pool2d itself, ceil_mode included: the reference must agree with PyTorch's pooling.
import torch.nn.functional as F


def max_pool2d(input, kernel_size, stride=None, padding=0, ceil_mode=False):
    return F.max_pool2d(input, kernel_size, stride, padding, ceil_mode=ceil_mode)
