"""What kernel confinement costs one probe: namespaces, private temporary folders, Landlock, capabilities, seccomp.

Run as `python benchmarks/confinement.py [ROUNDS]` on Linux. It confines
itself like a learner worker, then forks probes that confine themselves as
`grader.sandbox.confine` does and reports the time that took, in ms.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time

from grader import namespaces, sandbox


def main(rounds: int = 20) -> None:
    if not sandbox.namespaces_available():
        sys.exit("this host refuses user namespaces: nothing to measure")
    print(namespaces.enter_worker_namespaces([]))
    namespaces.prepare_seccomp()
    roots = sandbox.readable_roots()
    timings = []
    for _ in range(rounds):
        home = tempfile.mkdtemp(prefix="learn-probe-")
        os.mkdir(os.path.join(home, "submission"))
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            started = time.perf_counter()
            namespaces.enter_probe_namespaces(home)
            sandbox.restrict_paths(sandbox.landlock_abi(), roots, [home, "/tmp", "/dev/shm"])
            namespaces.drop_capabilities()
            namespaces.install_seccomp()
            os.write(write, str(time.perf_counter() - started).encode())
            os._exit(0)
        os.waitpid(pid, 0)
        timings.append(float(os.read(read, 64)) * 1000)
        os.close(read)
        os.close(write)
    print(f"confinement of one probe: median {statistics.median(timings):.1f} ms, "
          f"min {min(timings):.1f} ms, max {max(timings):.1f} ms over {rounds} probes")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
