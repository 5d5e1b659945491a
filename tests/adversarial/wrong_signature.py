# exercise: conv_output_size
# expect: its signature does not accept them
def conv_output_size(size, kernel_size):
    return size - kernel_size + 1
