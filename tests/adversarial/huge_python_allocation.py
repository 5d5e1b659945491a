# exercise: conv_output_size
# expect: ran out of memory
# timeout: 60
# Grow Python objects until the memory limit stops it.
def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    hoard = []
    while True:
        hoard.append(bytearray(256 * 1024 * 1024))
