# exercise: conv_output_size
# expect: Timed out after 3 s
# timeout: 3
# Start a child, a grandchild in a new session (setsid) and one in a new process group,
# all ignoring SIGTERM; print their pids, then hang. Each carries a marker in its command line, so the
# test can look for survivors among the host's processes (pids inside a PID namespace mean nothing there).
import os
import subprocess
import sys

CODE = "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(10**6)"
MARKER = "learn-survivor-marker"
children = [
    subprocess.Popen([sys.executable, "-c", CODE, MARKER]),
    subprocess.Popen([sys.executable, "-c", CODE, MARKER], start_new_session=True),
    subprocess.Popen([sys.executable, "-c", CODE, MARKER], process_group=0),
]
pid = os.fork()
if pid == 0:  # a double fork: the grandchild is re-parented when this child exits
    os.setsid()
    grandchild = subprocess.Popen([sys.executable, "-c", CODE, MARKER])
    print("PIDS", grandchild.pid, flush=True)
    os._exit(0)
os.waitpid(pid, 0)
print("PIDS", *(child.pid for child in children), flush=True)


def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    while True:
        pass
