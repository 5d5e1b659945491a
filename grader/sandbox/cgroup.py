"""A pids cgroup for each probe (when the judge runs as root): a cap on its processes, and a list to kill."""

from __future__ import annotations

import contextlib
import itertools
import os
import time

from grader.sandbox import procfs
from grader.sandbox.sweep import kill_pinned


class PidsCgroup:
    """A pids cgroup holding one probe and everything it starts: a cap on their number, and a list to kill.

    Unlike RLIMIT_NPROC it works for root and counts only this probe's
    processes, and unlike a process group or a session no descendant can leave
    it without writing to cgroupfs, which the Landlock rules forbid.
    """

    def __init__(self, path: str) -> None:
        self.path = path

    @property
    def procs_file(self) -> str:
        return os.path.join(self.path, "cgroup.procs")

    @classmethod
    def create(cls, limit: int) -> PidsCgroup | None:
        """A new child of this process's pids cgroup with `pids.max` = limit, or None where there is none."""
        parent = pids_cgroup_of_self()
        if parent is None:
            return None
        _remove_stale_cgroups(parent)
        path = os.path.join(parent, f"learn-probe-{os.getpid()}-{next(_CGROUP_NUMBERS)}")
        try:
            os.mkdir(path, 0o755)
        except OSError:
            return None
        try:
            with open(os.path.join(path, "pids.max"), "w") as handle:
                handle.write(str(limit))
        except OSError:
            with contextlib.suppress(OSError):
                os.rmdir(path)
            return None
        return cls(path)

    def members(self) -> list[int]:
        try:
            with open(self.procs_file) as handle:
                return [int(line) for line in handle if line.strip()]
        except (OSError, ValueError):
            return []

    def kill_all(self, patience: float = 5.0) -> None:
        """SIGKILL every process in the cgroup until it is empty."""
        deadline = time.monotonic() + patience
        while time.monotonic() < deadline:
            pids = self.members()
            if not pids:
                return
            for pid in pids:
                kill_pinned(pid, lambda pinned: pinned in self.members())
            time.sleep(0.005)  # killed processes take a moment to leave the cgroup

    def remove(self) -> None:
        with contextlib.suppress(OSError):
            os.rmdir(self.path)


_CGROUP_NUMBERS = itertools.count()


def join_cgroup(procs_file: str) -> bool:
    """Move this process (and so all it will start) into the cgroup whose cgroup.procs is given."""
    try:
        with open(procs_file, "w") as handle:
            handle.write("0")
    except OSError:
        return False
    return True


def pids_cgroup_of_self() -> str | None:
    """The folder of this process's cgroup in a writable pids hierarchy (cgroup v1 or v2)."""
    mounts = _cgroup_mounts()
    for controllers, path in procfs.cgroups():
        if "pids" in controllers.split(",") and "pids" in mounts:
            folder = os.path.normpath(mounts["pids"] + path)
        elif controllers == "" and "cgroup2" in mounts:
            folder = os.path.normpath(mounts["cgroup2"] + path)
            if "pids" not in procfs.read_text(os.path.join(folder, "cgroup.subtree_control")).split():
                continue
        else:
            continue
        if os.access(folder, os.W_OK) and os.path.exists(os.path.join(folder, "cgroup.procs")):
            return folder
    return None


def _cgroup_mounts() -> dict[str, str]:
    """Mount points of the pids (v1) and unified (v2) cgroup hierarchies."""
    found: dict[str, str] = {}
    for mount_point, fstype, options in procfs.mounts():
        if fstype == "cgroup" and "pids" in options.split(","):
            found.setdefault("pids", mount_point)
        elif fstype == "cgroup2":
            found.setdefault("cgroup2", mount_point)
    return found


def _remove_stale_cgroups(parent: str) -> None:
    """Empty probe cgroups left by a grader that died before cleaning up."""
    with contextlib.suppress(OSError):
        for entry in os.scandir(parent):
            if entry.name.startswith("learn-probe-"):
                owner = entry.name.split("-")[2]
                if owner.isdigit() and not procfs.exists(owner):
                    with contextlib.suppress(OSError):
                        os.rmdir(entry.path)
