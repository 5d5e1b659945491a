"""What /proc says about processes, read in one place (for the judge, the worker and the probe alike).

Every reader here answers "nothing" (an empty result or None) when the
process is gone or /proc cannot be read, never an exception: a process may
end between listing /proc and reading its files.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


def pids() -> list[int]:
    """The pids /proc lists now (those of this PID namespace, when /proc is its own)."""
    try:
        return [int(name) for name in os.listdir("/proc") if name.isdigit()]
    except OSError:
        return []


def exists(pid: int | str) -> bool:
    """Whether /proc has an entry for `pid` (a zombie's included)."""
    return os.path.exists(f"/proc/{pid}")


def status(pid: int | str) -> dict[str, str]:
    """The fields of /proc/PID/status ({} when the process is gone); `pid` may be "self"."""
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8", errors="replace") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return {}
    return {key: value.strip() for key, _, value in (line.partition(":") for line in lines)}


def real_uid(fields: dict[str, str]) -> int | None:
    """The real uid in a process's status fields (None when there is none)."""
    uids = fields.get("Uid", "").split()
    return int(uids[0]) if uids else None


@dataclass(frozen=True)
class Stat:
    """The fields of /proc/PID/stat this package needs."""

    state: str
    parent: int
    session: int

    @property
    def alive(self) -> bool:
        """Neither a zombie nor dead."""
        return self.state not in ("Z", "X")


def stat(pid: int | str) -> Stat | None:
    """The state, parent and session of a process (None when it is gone)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            # The command name comes in parentheses and may itself hold ")" or spaces: split after the last one.
            fields = handle.read().rsplit(b")", 1)[1].split()
        return Stat(fields[0].decode(errors="replace"), int(fields[1]), int(fields[3]))
    except (OSError, IndexError, ValueError):
        return None


def session(pid: int) -> int | None:
    """The session id of a live process (None when it is gone or a zombie)."""
    found = stat(pid)
    return found.session if found is not None and found.alive else None


def children(parent: int) -> list[tuple[int, int]]:
    """(pid, session) of each process whose parent is `parent`."""
    found = []
    for pid in pids():
        info = stat(pid)
        if info is not None and info.parent == parent:
            found.append((pid, info.session))
    return found


def user_tasks(uid: int) -> list[int]:
    """Pids of the live (not zombie) processes whose real uid is `uid`."""
    found = []
    for pid in pids():
        fields = status(pid)
        if real_uid(fields) == uid and not fields.get("State", "").startswith(("Z", "X")):
            found.append(pid)
    return found


def user_task_count(uid: int) -> int:
    """Processes and threads of `uid` (what RLIMIT_NPROC counts)."""
    total = 0
    for pid in pids():
        fields = status(pid)
        if real_uid(fields) == uid:
            total += int(fields.get("Threads") or 1)
    return total


def effective_capabilities() -> int:
    """This process's effective capability set, as a number (0: none, -1: unknown)."""
    try:
        return int(status("self")["CapEff"], 16)
    except (KeyError, ValueError):
        return -1


def uid_map() -> list[str] | None:
    """The words of this process's /proc/self/uid_map (None when it cannot be read)."""
    try:
        with open("/proc/self/uid_map") as handle:
            return handle.read().split()
    except OSError:
        return None


def last_capability() -> int | None:
    """The highest capability number this kernel knows (None when it does not say)."""
    try:
        return int(read_text("/proc/sys/kernel/cap_last_cap"))
    except ValueError:
        return None


def open_fds() -> list[int] | None:
    """The file descriptors this process has open (None when /proc cannot tell)."""
    try:
        return [int(name) for name in os.listdir("/proc/self/fd")]
    except OSError:
        return None


def cgroups() -> list[tuple[str, str]]:
    """(controllers, path) of each hierarchy in /proc/self/cgroup; controllers is "" for cgroup v2."""
    found = []
    for line in read_text("/proc/self/cgroup").splitlines():
        _, controllers, path = line.split(":", 2)
        found.append((controllers, path))
    return found


def mounts() -> list[tuple[str, str, str]]:
    """(mount point, file system type, super options) of each mount in /proc/self/mountinfo."""
    found = []
    for line in read_text("/proc/self/mountinfo").splitlines():
        left, _, right = line.partition(" - ")
        fields, extra = left.split(), right.split()
        if len(fields) >= 5 and len(extra) >= 3:
            found.append((fields[4], extra[0], extra[2]))
    return found


def read_text(path: str) -> str:
    """A small file's text ("" when it cannot be read)."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read()
    except OSError:
        return ""
