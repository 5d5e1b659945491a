# exercise: conv_output_size
# expect: does not define: conv_output_size
def conv_out_size(size, kernel_size, stride=1, padding=0, dilation=1):
    return (size + 2 * padding - dilation * (kernel_size - 1) - 1) // stride + 1
