# math.floor on a true division, then int(): the same floor as //, for non-negative spans.
import math


def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0, dilation: int = 1) -> int:
    reach = size + 2 * padding - dilation * kernel_size + dilation - 1
    return int(math.floor(reach / stride)) + 1
