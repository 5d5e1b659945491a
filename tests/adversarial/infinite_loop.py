# exercise: conv_output_size
# expect: Timed out after 3 s
# timeout: 3
def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    while True:
        pass
