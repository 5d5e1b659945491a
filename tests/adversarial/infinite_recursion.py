# exercise: conv_output_size
# expect: The recursion never stops
def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    return conv_output_size(size, kernel_size, stride, padding, dilation)
