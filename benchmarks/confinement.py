"""What kernel confinement costs: per probe, and for whole commands.

    python benchmarks/confinement.py [ROUNDS]             one probe's confinement, in ms
    python benchmarks/confinement.py --commands [ROUNDS]  learn check and learn grade, with and without
                                                          namespaces (LEARN_SANDBOX_NAMESPACES=off),
                                                          interleaved so machine load hits both alike

The first form confines itself like a learner worker, then forks probes that
confine themselves as `grader.sandbox.confine` does and reports the time that
took. Linux only.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from grader import sandbox
from grader.sandbox import namespaces


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


ROOT = Path(__file__).resolve().parent.parent
COMMANDS = {
    "learn check conv_output_size": ["check", "conv_output_size",
                                     "--file", "solutions/05_convolution/conv_output_size.py"],
    "learn grade (8 exercises)": ["grade", "--submission", "solutions", "--only",
                                  "tensor_create,tensor_indexing,autograd_basics,custom_dataset,module_basics,"
                                  "conv_output_size,linear_layer,device_agnostic"],
}


def compare_commands(rounds: int) -> None:
    """Median wall time of each command with and without namespaces, runs interleaved."""
    times: dict[tuple[str, str], list[float]] = {}
    for _ in range(rounds):
        for label, args in COMMANDS.items():
            for mode, extra in (("namespaces", {}), ("fallback", {"LEARN_SANDBOX_NAMESPACES": "off"})):
                env = {**os.environ, "LEARN_NO_DISK_CACHE": "1", **extra}
                started = time.perf_counter()
                subprocess.run([sys.executable, "-m", "grader", *args], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
                times.setdefault((label, mode), []).append(time.perf_counter() - started)
    for label in COMMANDS:
        on, off = (statistics.median(times[(label, mode)]) for mode in ("namespaces", "fallback"))
        print(f"{label:32} namespaces {on:6.2f} s   without {off:6.2f} s   ratio {on / off:5.2f}")


if __name__ == "__main__":
    if "--commands" in sys.argv:
        numbers = [a for a in sys.argv[1:] if a.isdigit()]
        compare_commands(int(numbers[0]) if numbers else 5)
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
