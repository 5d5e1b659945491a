# The room the kernel has to move, split by divmod: the quotient is the number of extra steps.
def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    effective_kernel = (kernel_size - 1) * dilation + 1
    room = size + padding * 2 - effective_kernel
    steps, _ = divmod(room, stride)
    return steps + 1
