# expect: ceil_mode is ignored
def pool_output_size(size, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False):
    stride = stride or kernel_size
    return (size + 2 * padding - dilation * (kernel_size - 1) - 1) // stride + 1
