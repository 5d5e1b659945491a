# exercise: conv_output_size
# expect: its def line does not accept
def conv_output_size(size, kernel_size):
    return size - kernel_size + 1
