# exercise: conv_output_size
# expect: KeyboardInterrupt
def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    raise KeyboardInterrupt
