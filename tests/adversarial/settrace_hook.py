# exercise: conv_output_size
# expect: your code left a sys.settrace hook active
# A trace function sees (and could rewrite) every frame of the checks.
import sys


def spy(frame, event, arg):
    return spy


sys.settrace(spy)


def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    return 0
