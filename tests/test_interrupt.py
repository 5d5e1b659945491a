"""Ctrl-C during `learn check` stops the probes at once, says "interrupted", exits 130, leaves nothing running.

Driven through a pseudo-terminal, as a learner's terminal sends it: the
SIGINT reaches the `learn` process group, never the probes (they run in
sessions of their own), so `learn` itself must stop them.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import ROOT

pexpect = pytest.importorskip("pexpect")

LEARN = str(Path(sys.executable).with_name("learn"))

INFINITE_LOOP = '''
def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    while True:
        pass
'''


def descendants(pid: int) -> set[int]:
    """Every living process below `pid` (a parent's children, their children, …), read from /proc."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[0] != "Z":
                parents[int(entry.name)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process tree from /proc")
def test_ctrl_c_stops_an_infinite_loop_at_once(tmp_path):
    shutil.copytree(ROOT / "exercises", tmp_path / "exercises")
    (tmp_path / "exercises" / "05_convolution" / "conv_output_size.py").write_text(INFINITE_LOOP, encoding="utf-8")
    env = {**os.environ, "LEARN_LANG": "en", "LEARN_NO_DISK_CACHE": "1"}
    child = pexpect.spawn(LEARN, ["check", "conv_output_size"], cwd=str(tmp_path), env=env,
                          encoding="utf-8", timeout=120, dimensions=(24, 80))
    child.expect("checking")
    # Wait until the learner's probe really runs the loop: a process two levels below `learn`
    # (learn -> worker -> probe), so the interruption has a probe to stop.
    started = time.monotonic()
    while time.monotonic() - started < 90:
        tree = descendants(child.pid)
        if any(descendants(worker) for worker in tree):
            break
        time.sleep(0.1)
    seen = descendants(child.pid)
    assert any(descendants(worker) for worker in seen), "no probe was started"
    child.sendintr()
    # The probe's own time limit is 20 s: an interruption handled only at the limit would miss this.
    child.expect(pexpect.EOF, timeout=10)
    child.close()
    assert child.exitstatus == 130
    assert child.before.strip().endswith("interrupted")
    assert "Traceback" not in child.before
    deadline = time.monotonic() + 5  # reaping is asynchronous: allow the kernel a moment
    while any(alive(pid) for pid in seen) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [pid for pid in seen if alive(pid)] == []


def test_waiting_for_a_probe_ends_when_its_worker_is_gone():
    """Ctrl-C stops every worker; a probe's exit is then never reported, and waiting must not sit out its bound."""
    import threading

    from grader.engine.worker import ForkedProbe

    class GoneWorker:
        alive = False

    probe = ForkedProbe(2**22 + 12345, GoneWorker())  # a pid no process has (above the default pid_max)
    waited = threading.Thread(target=probe.wait, kwargs={"timeout": 3600}, daemon=True)
    waited.start()
    waited.join(timeout=120)  # generous: the point is "not an hour", not a measured time
    assert not waited.is_alive()
