# exercise: conv_output_size
# expect: Your file could not be imported
# expect: No module named 'torchh'
import torchh  # a typo


def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    return 0
