# exercise: conv_output_size
# expect: ran out of memory
# requires: address-space-limit
# A shared anonymous mapping is not counted by RLIMIT_DATA: map 1 TB of it and touch it.
import mmap


def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    area = mmap.mmap(-1, 1 << 40)
    for offset in range(0, len(area), 4096):
        area[offset] = 1
    return 0
