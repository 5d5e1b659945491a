# exercise: conv_output_size
# expect: SIGSEGV
import ctypes


def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    return ctypes.string_at(0)
