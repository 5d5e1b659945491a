# expect: You forgot the +1
# Counts the steps the kernel can move, not the positions it can take.
def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    return (size + 2 * padding - dilation * (kernel_size - 1) - 1) // stride
