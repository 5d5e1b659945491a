# exercise: conv_output_size
# expect: Timed out after 3 s
# timeout: 3
# Ignore SIGTERM and SIGINT, keep non-daemon threads busy, and block the main thread.
import signal
import threading
import time

signal.signal(signal.SIGTERM, signal.SIG_IGN)
signal.signal(signal.SIGINT, signal.SIG_IGN)
for _ in range(4):
    threading.Thread(target=lambda: time.sleep(10**6)).start()


def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    threading.Event().wait()
