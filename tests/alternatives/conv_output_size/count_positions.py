# Counts the kernel's starting positions one by one: no formula, just sliding.
def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    span = dilation * (kernel_size - 1) + 1
    padded = size + 2 * padding
    positions = 0
    start = 0
    while start + span <= padded:
        positions += 1
        start += stride
    return positions
