# expect: PyTorch drops a last window
import math


def pool_output_size(size, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False):
    stride = stride or kernel_size
    reach = size + 2 * padding - dilation * (kernel_size - 1) - 1
    rounding = math.ceil if ceil_mode else math.floor
    return int(rounding(reach / stride)) + 1
