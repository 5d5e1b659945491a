# expect: asks you to write yourself
# Reaches for the library under another name: the exercise is the sliding window itself.
import torch
from torch.nn.functional import conv2d as convolve


def conv2d(input, kernel, stride=1, padding=0):
    return convolve(input, kernel, stride=stride, padding=padding)
