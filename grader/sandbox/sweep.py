"""What a probe leaves behind when it ends: processes that left its process group, files in the shared folders.

Every kill pins its pid with a pidfd and checks again, through /proc, that
the process is still the one meant, so a pid reused in between by an
unrelated process is never hit.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import time
from collections.abc import Callable

from grader.sandbox import procfs
from grader.sandbox.paths import SHARED_TEMP


def kill_pinned(pid: int, still_ours: Callable[[int], bool]) -> None:
    """SIGKILL `pid` if `still_ours(pid)` holds once the pid is pinned (so a reused pid is never hit)."""
    try:
        fd = os.pidfd_open(pid)
    except OSError:
        return
    try:
        if still_ours(pid):
            signal.pidfd_send_signal(fd, signal.SIGKILL)
    except OSError:
        pass
    finally:
        os.close(fd)


def kill_user_processes(uid: int, patience: float = 5.0) -> None:
    """SIGKILL every process of `uid` until none is left (setsid() escapees included).

    Each pid is pinned with a pidfd and its uid read again before the signal,
    so a pid reused by an unrelated process in between is never hit.
    """
    deadline = time.monotonic() + patience
    while time.monotonic() < deadline:
        pids = procfs.user_tasks(uid)
        if not pids:
            return
        for pid in pids:
            kill_pinned(pid, lambda pinned: procfs.real_uid(procfs.status(pinned)) == uid)
        time.sleep(0.005)  # killed processes take a moment to leave the process table


def kill_session(sid: int) -> None:
    """SIGKILL what is left of session `sid` (processes that left the probe's process group)."""
    for _ in range(50):
        members = [pid for pid in procfs.pids() if procfs.session(pid) == sid and pid != sid]
        if not members:
            return
        for pid in members:
            kill_pinned(pid, lambda pinned: procfs.session(pinned) == sid)
        time.sleep(0.005)  # killed processes take a moment to leave the process table


def remove_files_of(uid: int) -> None:
    """Delete what `uid` left directly in the shared temporary folders (never following links)."""
    for folder in SHARED_TEMP:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            with contextlib.suppress(OSError):
                if entry.stat(follow_symlinks=False).st_uid != uid:
                    continue
                if entry.is_dir(follow_symlinks=False):
                    shutil.rmtree(entry.path, ignore_errors=True)
                else:
                    os.unlink(entry.path)
