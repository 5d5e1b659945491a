# exercise: conv_output_size
# expect: got an object of type int
# expect: got list of 1 items
# Values JSON cannot carry: an integer of 20000 digits, and a list nested 5000 deep.
import sys

sys.setrecursionlimit(100_000)
HUGE = 10**20000
DEEP: list = []
for _ in range(5000):
    DEEP = [DEEP]
calls = 0


def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    global calls
    calls += 1
    return HUGE if calls % 2 else DEEP
