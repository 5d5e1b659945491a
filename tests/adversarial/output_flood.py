# exercise: conv_output_size
# expect: printed more than 16 MiB
# Print a gigabyte.
import sys

line = "x" * 1023 + "\n"
for _ in range(1024 * 1024):
    sys.stdout.write(line)
    sys.stderr.write(line)


def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    return 0
