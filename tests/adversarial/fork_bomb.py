# exercise: conv_output_size
# expect: Timed out after 3 s
# timeout: 3
# requires: process-bound
# Fork until the system refuses, in every process, then spin.
import ctypes
import os

ctypes.CDLL(None).prctl(15, b"learn-forkbomb", 0, 0, 0)  # PR_SET_NAME, so the test can look for survivors
while True:
    try:
        os.fork()
    except OSError:
        break
while True:
    pass
