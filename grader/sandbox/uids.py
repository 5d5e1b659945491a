"""A uid of its own for each probe, when the judge runs as root without user namespaces.

The uids come from LEARN_SANDBOX_UIDS (60000-60999 by default); each is
leased with a lock file in a folder only root can write, and skipped when
an account or a live process already has it.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pwd
import stat
import sys
import sysconfig
import tempfile
from pathlib import Path

from grader import settings
from grader.sandbox import procfs
from grader.sandbox.paths import GRADER_DIR

DEFAULT_UIDS = range(60000, 61000)


class UidLease:
    """An otherwise unused uid, held (with a lock file) by one probe at a time."""

    def __init__(self, uid: int, lock_fd: int) -> None:
        self.uid = uid
        self._lock_fd = lock_fd

    @classmethod
    def acquire(cls) -> UidLease | None:
        """Lease a free uid from LEARN_SANDBOX_UIDS, or None when none can be had."""
        uids = uid_range(settings.current().sandbox_uids)
        folder = _lock_folder()
        if not uids or folder is None:
            return None
        start = os.getpid() % len(uids)  # spread concurrent graders over the range
        for offset in range(len(uids)):
            uid = uids[(start + offset) % len(uids)]
            if _has_account(uid):
                continue
            try:
                fd = os.open(os.path.join(folder, f"{uid}.lock"),
                             os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
            except OSError:
                return None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                continue
            if procfs.user_tasks(uid):  # someone else's processes: leave that uid alone
                os.close(fd)
                continue
            return cls(uid, fd)
        return None

    def close(self) -> None:
        if self._lock_fd >= 0:
            os.close(self._lock_fd)
            self._lock_fd = -1


def uid_range(text: str) -> range:
    """Parse LEARN_SANDBOX_UIDS: "FIRST-LAST", "off", or empty for the default."""
    text = text.strip().lower()
    if text in ("off", "none", "0", "no"):
        return range(0)
    if not text:
        return DEFAULT_UIDS
    try:
        first, _, last = text.partition("-")
        uids = range(int(first), int(last or first) + 1)
    except ValueError:
        return range(0)
    return uids if uids and uids[0] > 0 else range(0)


def users_available() -> bool:
    """Whether probes may get a uid of their own: configured, or Python readable by any user.

    A Python installed in a folder only root may enter (pyenv under /root)
    could not import the modules learner code asks for after the switch.
    """
    configured = settings.current().sandbox_uids
    if configured:
        return bool(uid_range(configured))
    paths = {GRADER_DIR, os.path.dirname(os.path.realpath(sys.executable))}
    for name in ("stdlib", "platstdlib", "purelib", "platlib"):
        with contextlib.suppress(KeyError):
            paths.add(sysconfig.get_paths()[name])
    return all(readable_by_anyone(path) for path in paths)


def readable_by_anyone(path: str) -> bool:
    """Every folder on the way to `path` can be entered, and `path` read, by other users."""
    current = Path(path).resolve()
    for folder in (current, *current.parents):
        try:
            mode = os.stat(folder).st_mode
        except OSError:
            return False
        if not mode & stat.S_IXOTH or (folder == current and not mode & stat.S_IROTH):
            return False
    return True


def _lock_folder() -> str | None:
    """A root-owned folder for the uid locks that no probe can have planted."""
    for base in ("/run/learn-sandbox", os.path.join(tempfile.gettempdir(), "learn-sandbox-root")):
        with contextlib.suppress(OSError):
            os.makedirs(base, mode=0o700, exist_ok=True)
            info = os.lstat(base)
            if stat.S_ISDIR(info.st_mode) and info.st_uid == 0 and not info.st_mode & 0o077:
                return base
    return None


def _has_account(uid: int) -> bool:
    try:
        pwd.getpwuid(uid)
    except KeyError:
        return False
    return True
