# exercise: conv_output_size
# expect: expected 3, got 0
# requires: signal-isolation
# Try to kill the worker that forked us and the grader above it; the checks must still run.
import os
import signal


def _parents():
    pid = os.getppid()
    for _ in range(3):
        yield pid
        try:
            with open(f"/proc/{pid}/stat") as handle:
                pid = int(handle.read().rsplit(")", 1)[1].split()[1])
        except OSError:
            return


for target in list(_parents()):
    if target > 1:
        try:
            os.kill(target, signal.SIGKILL)
        except OSError:
            pass


def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    return 0
