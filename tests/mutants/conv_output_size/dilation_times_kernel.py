# expect: not dilation * kernel_size
# The dilated kernel's span written as dilation * kernel_size: right without dilation, wrong with it.
def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    return (size + 2 * padding - dilation * kernel_size) // stride + 1
