"""Confinement of the learner's probe: what it may reach, not only what it may use.

Resource limits (grader.probe.main.apply_limits) bound how much one probe uses.
This module bounds what learner code can touch, in layers that each work on
their own and are applied when the host allows them:

- Landlock (Linux 5.13+, no privileges needed): the probe may read only the
  Python installation, the system folders and the `grader` package, and
  write only its temporary home and /dev/shm. Reference solutions, the
  learner's workspace and progress file, the home folder, TCP connections
  (ABI 4+) and signals to processes outside the probe (ABI 6+) are refused.
- A user of its own, when the judge runs as root (CI containers, Gradescope):
  the probe switches to an otherwise unused uid leased for the run, so it
  cannot signal or trace the judge or the reference probe, write root's
  files or read a solutions folder closed to others, and RLIMIT_NPROC
  (counted per uid) bounds fork bombs. After the run every process of that
  uid is killed, including ones that escaped with setsid(), and files it left
  in the shared temporary folders are removed.

The judge side (`prepare`, `release`) runs in the trusted parent; the probe
side (`confine`) runs in the probe after the exercise's modules were
imported and before the learner's file is. `LEARN_SANDBOX=off` turns all of
it off (for debugging the grader itself); `LEARN_SANDBOX_UIDS=off` keeps a
root judge's probes as root, `LEARN_SANDBOX_UIDS=FIRST-LAST` picks the uids.
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import glob
import itertools
import os
import pwd
import resource
import shutil
import signal
import stat
import struct
import sys
import sysconfig
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from grader import PACKAGE_DIR

SANDBOX_ENV = "LEARN_SANDBOX"
NAMESPACES_ENV = "LEARN_SANDBOX_NAMESPACES"
UIDS_ENV = "LEARN_SANDBOX_UIDS"
DEFAULT_UIDS = range(60000, 61000)
#: processes and threads a probe may add to those its user already has
PROCESS_ALLOWANCE = 64
#: folders a confined probe may read (besides the Python installation and the grader package)
SYSTEM_READ = ("/usr/lib", "/usr/lib32", "/usr/lib64", "/usr/libexec", "/usr/local/lib", "/usr/bin", "/usr/sbin",
               "/usr/share/zoneinfo", "/usr/share/locale", "/usr/share/fonts", "/lib", "/lib32", "/lib64",
               "/bin", "/sbin", "/proc", "/sys")
#: the files of /etc a probe may read (libraries look these up); /etc/shadow, keys and the rest stay closed
ETC_READ = ("ld.so.cache", "ld.so.conf", "ld.so.conf.d", "localtime", "timezone", "passwd", "group",
            "nsswitch.conf", "hosts", "host.conf", "resolv.conf", "gai.conf", "protocols", "services",
            "mime.types", "os-release", "lsb-release", "debian_version", "locale.alias", "ssl",
            "ca-certificates", "fonts", "matplotlibrc")
#: devices a probe may open; GPUs need theirs to be used at all, terminals are never among them
DEVICES = ("/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom", "/dev/dri", "/dev/kfd",
           "/dev/nvidia-caps", "/dev/nvidia-uvm", "/dev/nvidia-uvm-tools", "/dev/nvidiactl")
#: world-writable folders where a probe with its own uid could leave files behind
SHARED_TEMP = ("/dev/shm", "/tmp", "/var/tmp")
_GRADER_DIR = str(PACKAGE_DIR)


def enabled() -> bool:
    """Whether learner probes are confined at all (LEARN_SANDBOX=off turns it off)."""
    return os.environ.get(SANDBOX_ENV, "").strip().lower() not in ("off", "0", "no", "false")


# ---- judge side ----------------------------------------------------------------


@dataclass
class Plan:
    """How one learner probe is confined; `to_request` is what the probe receives."""

    uid: int | None
    read: list[str]
    write: list[str]
    file: str
    lease: UidLease | None = None
    cgroup: PidsCgroup | None = None
    #: the probe enters namespaces of its own (and its worker was confined from its start)
    namespaces: bool = False
    home: str = ""
    #: temporary folders the probe covers with a fresh tmpfs of its own, and what it binds back on top
    private: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    def to_request(self) -> dict[str, Any]:
        return {
            "uid": self.uid,
            "read": self.read,
            "write": self.write,
            "processes": PROCESS_ALLOWANCE,
            "cgroup": self.cgroup.procs_file if self.cgroup else None,
            "namespaces": self.namespaces,
            "home": self.home,
            "private": self.private,
            "kept": self.kept,
        }


def prepare(home: str, learner_file: str, namespaces: bool = False) -> Plan | None:
    """Stage the learner's file in `home` and decide the confinement; None when sandboxing is off.

    The probe reads its copy of the file, so the original may sit in a folder
    the probe is not allowed to read (or that its uid cannot read). With
    `namespaces` (the probe's worker is confined by the kernel) the probe
    keeps its uid, which is then powerless: a uid of its own is for hosts
    without user namespaces.
    """
    if not enabled():
        return None
    root = os.geteuid() == 0
    lease = UidLease.acquire() if root and not namespaces and users_available() else None
    try:
        staged = stage_file(home, learner_file, lease.uid if lease else None)
    except BaseException:
        if lease is not None:
            lease.close()
        raise
    private = private_folders() if namespaces else ("/dev/shm",)  # with namespaces: a fresh tmpfs each
    kept = kept_in_private_folders() if namespaces else []
    # A folder that holds bound-back libraries (a CI clone in /tmp) is readable, never writable: only the home is.
    writable = [p for p in private if not any(_inside(k, p) for k in kept)]
    write = [p for p in (home, "/dev/null", *writable) if os.path.exists(p)]
    cgroup = PidsCgroup.create(PROCESS_ALLOWANCE) if root else None
    plan = Plan(lease.uid if lease else None, readable_roots(), write, staged, lease, cgroup, namespaces, home)
    plan.private = list(private) if namespaces else []
    plan.kept = kept
    return plan


#: shared temporary folders a probe with namespaces gets a fresh, private tmpfs for
TEMPORARY_FOLDERS = ("/tmp", "/var/tmp", "/dev/shm")


def private_folders() -> tuple[str, ...]:
    """The shared temporary folders each probe covers with a fresh tmpfs of its own."""
    return tuple(folder for folder in TEMPORARY_FOLDERS if os.path.isdir(folder) and not os.path.islink(folder))


def kept_in_private_folders() -> list[str]:
    """Folders inside the temporary folders that hold Python, its packages or the grader (a CI clone in /tmp).

    The probe binds them back on top of its fresh tmpfs, so they stay
    readable while everything else there (other users' files, sockets) is gone.
    """
    kept = set()
    for lib in readable_roots():
        for folder in TEMPORARY_FOLDERS:
            if _inside(lib, folder) and os.path.realpath(lib) != os.path.realpath(folder):
                relative = os.path.relpath(os.path.realpath(lib), os.path.realpath(folder))
                kept.add(os.path.join(folder, relative.split(os.sep)[0]))
    return sorted(kept)


# ---- what no probe may read ------------------------------------------------------

_PROTECTED: set[str] = set()


def protect(path: str | os.PathLike[str]) -> None:
    """Keep a folder (a teacher's --solutions) out of every learner probe started after this call."""
    _PROTECTED.add(os.path.realpath(path))


def hidden_paths() -> list[str]:
    """Folders a learner worker covers: answers (solutions, alternatives, git history), the reference cache.

    In a source checkout that is everything beside the `grader` package; in
    an installed course, its share folder; then --solutions folders and the
    reference cache. Landlock closes them too on hosts without namespaces,
    since none lies below a folder a probe may read.
    """
    course = Path(_GRADER_DIR).parent
    found: set[str] = set(_PROTECTED)
    if (course / "exercises" / "info.toml").is_file() or (course / "solutions").is_dir():
        libraries = readable_roots()  # a virtual environment inside the checkout stays readable
        found.update(str(entry) for entry in course.iterdir() if entry.is_dir() and entry.name != "grader"
                     and not any(_inside(lib, str(entry)) for lib in libraries))
    for prefix in {sys.prefix, sys.base_prefix, sysconfig.get_paths().get("data", sys.prefix)}:
        found.add(os.path.join(prefix, "share", "learn-pytorch"))
    with contextlib.suppress(Exception):
        from grader.engine.refcache import default_cache_dir

        cache = default_cache_dir()
        if cache is not None:
            found.add(str(cache))
    return sorted(os.path.realpath(p) for p in found if os.path.isdir(p))


def _inside(path: str, folder: str) -> bool:
    return os.path.commonpath([os.path.realpath(path), os.path.realpath(folder)]) == os.path.realpath(folder)


def namespaces_wanted() -> bool:
    """Whether learner workers should confine themselves with namespaces (LEARN_SANDBOX_NAMESPACES=off: no)."""
    if not enabled() or os.environ.get(NAMESPACES_ENV, "").strip().lower() in ("off", "0", "no", "false"):
        return False
    return namespaces_available()


_NAMESPACES: bool | None = None


def namespaces_available() -> bool:
    """Whether this host lets a process create user, PID and mount namespaces (tried once, in a child)."""
    global _NAMESPACES
    if _NAMESPACES is None:
        _NAMESPACES = _try_in_child()
    return _NAMESPACES


def _try_in_child() -> bool:
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return False
    from grader.sandbox import namespaces

    child, refused = namespaces.fork_into_user_namespace(namespaces.CLONE_NEWPID | namespaces.CLONE_NEWNS)
    if child == 0:
        os._exit(1 if refused else 0)
    _, status = os.waitpid(child, 0)
    return os.waitstatus_to_exitcode(status) == 0


def describe() -> dict[str, str]:
    """What confinement learner probes get on this host (for `learn doctor`, grade documents and tests).

    Each value names the layer that provides it, so a reader can tell a
    kernel-enforced boundary ("own PID namespace") from a weaker fallback.
    """
    if not enabled():
        return {"sandbox": "off"}
    abi = landlock_abi()
    root = os.geteuid() == 0
    spaces = namespaces_wanted()
    if spaces:
        user = "root without capabilities (user namespace)" if root else "the same user (user namespace)"
    elif root and users_available() and uid_range(os.environ.get(UIDS_ENV, "")):
        user = "a uid of its own"
    else:
        user = "root" if root else "the same user"
    if root and _pids_cgroup_of_self():
        processes = "pids cgroup"
    elif spaces:
        processes = f"RLIMIT_NPROC (+{PROCESS_ALLOWANCE}, in its user namespace)"
    elif root and user == "root":
        processes = "unbounded"  # RLIMIT_NPROC does not bind root
    else:
        processes = f"RLIMIT_NPROC (+{PROCESS_ALLOWANCE})"
    return {
        "namespaces": "user, pid, mount, network, ipc" if spaces else "none",
        "filesystem": f"landlock abi {abi}" if abi else ("private /tmp only" if spaces else "unrestricted"),
        "network": "none (own network namespace)" if spaces else "no TCP" if abi >= 4 else "unrestricted",
        "processes visible": "its own (PID namespace)" if spaces else "all",
        "signals": ("own processes only" if spaces or abi >= 6 or user == "a uid of its own" else "unrestricted"),
        "user": user,
        "capabilities": "none" if spaces or not root else "all (root)",
        "system calls": "seccomp filter" if seccomp_available() else "unfiltered",
        "processes": processes,
    }


#: the Chinese of describe()'s keys and of the words its values are made of (paths and numbers stay as they are)
DESCRIPTION_ZH = {
    "namespaces": "命名空间", "filesystem": "文件系统", "network": "网络", "processes visible": "可见进程",
    "signals": "信号", "user": "用户", "capabilities": "权能（capabilities）", "system calls": "系统调用",
    "processes": "进程数", "sandbox": "沙箱",
    "user, pid, mount, network, ipc": "用户、PID、挂载、网络、IPC", "none": "无",
    "none (own network namespace)": "无（独立的网络命名空间）", "no TCP": "禁止 TCP", "unrestricted": "不受限制",
    "its own (PID namespace)": "只有它自己的（PID 命名空间）", "all": "全部",
    "own processes only": "只能发给自己的进程", "root without capabilities (user namespace)": "没有权能的 root（用户命名空间）",
    "the same user (user namespace)": "同一用户（用户命名空间）", "a uid of its own": "独立的 uid",
    "root": "root", "the same user": "同一用户", "all (root)": "全部（root）", "seccomp filter": "seccomp 过滤器",
    "unfiltered": "不过滤", "pids cgroup": "pids cgroup", "unbounded": "不受限制", "off": "关闭",
    "private /tmp only": "只有私有的 /tmp",
}


def describe_in(lang: str, described: dict[str, str] | None = None) -> str:
    """describe() as one line in `lang` ("en" or "zh")."""
    described = describe() if described is None else described
    if lang != "zh":
        return ", ".join(f"{key}: {value}" for key, value in described.items())
    return "，".join(f"{DESCRIPTION_ZH.get(key, key)}：{DESCRIPTION_ZH.get(value, value)}"
                    for key, value in described.items())


def seccomp_available() -> bool:
    """Whether probes get the seccomp filter (libseccomp and its Python binding are installed)."""
    from grader.sandbox import namespaces

    return sys.platform.startswith("linux") and namespaces.prepare_seccomp() is None


#: layers `learn grade --require-isolation` insists on before it runs untrusted code
REQUIRED_LAYERS = {
    "namespaces": "user, pid, mount, network, ipc",
    "capabilities": "none",
    "system calls": "seccomp filter",
}


def missing_layers(described: dict[str, str] | None = None) -> list[str]:
    """The required layers this host does not give learner probes (empty: every one holds)."""
    described = describe() if described is None else described
    return [f"{name}: {described.get(name, 'off')}" for name, wanted in REQUIRED_LAYERS.items()
            if described.get(name) != wanted]


def stage_file(home: str, learner_file: str, uid: int | None) -> str:
    """Copy the learner's file into the probe's home (readable by the probe, not writable by it)."""
    folder = Path(home) / "submission"
    folder.mkdir(mode=0o755)
    target = folder / Path(learner_file).name
    shutil.copyfile(learner_file, target)
    target.chmod(0o644)
    if uid is not None:
        os.chmod(home, 0o700)
        os.chown(home, uid, uid)  # its home is its own; the staged file stays root's
    return str(target)


def users_available() -> bool:
    """Whether probes may get a uid of their own: configured, or Python readable by any user.

    A Python installed in a folder only root may enter (pyenv under /root)
    could not import the modules learner code asks for after the switch.
    """
    if os.environ.get(UIDS_ENV, "").strip():
        return bool(uid_range(os.environ[UIDS_ENV]))
    paths = {_GRADER_DIR, os.path.dirname(os.path.realpath(sys.executable))}
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


def readable_roots() -> list[str]:
    """What a confined probe may read: Python's libraries, the grader, system libraries, a few of /etc.

    Prefixes themselves are left out (an installed course lives in
    `<prefix>/share/learn-pytorch`), and so is the grader's parent folder,
    which in a source checkout is the course with its solutions.
    """
    paths = {_GRADER_DIR, *SYSTEM_READ, *(os.path.join("/etc", name) for name in ETC_READ), *DEVICES}
    for prefix in {sys.prefix, sys.base_prefix, sys.exec_prefix}:
        paths.update(os.path.join(prefix, lib) for lib in ("lib", "lib64", "bin"))  # bin: sys.executable runs
    for name in ("stdlib", "platstdlib", "purelib", "platlib"):
        with contextlib.suppress(KeyError):
            paths.add(sysconfig.get_paths()[name])
    # Folders that .pth files put on sys.path (another venv's packages, a system dist-packages) hold
    # libraries too; the grader's parent folder is left out, since in a source checkout it is the course.
    course = str(Path(_GRADER_DIR).parent)
    paths.update(entry for entry in sys.path if entry and os.path.isdir(entry) and entry != course)
    paths.update(glob.glob("/dev/nvidia[0-9]*"))
    return sorted(p for p in paths if p and os.path.exists(p))


def release(plan: Plan | None) -> None:
    """After the probe ended: kill what it left running, remove its files, return its uid and cgroup."""
    if plan is None:
        return
    try:
        if plan.cgroup is not None:
            plan.cgroup.kill_all()
        if plan.lease is not None:
            kill_user_processes(plan.lease.uid)
            remove_files_of(plan.lease.uid)
    finally:
        if plan.cgroup is not None:
            plan.cgroup.remove()
        if plan.lease is not None:
            plan.lease.close()


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
        parent = _pids_cgroup_of_self()
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
                _kill_pinned(pid, lambda: pid in self.members())
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


def _pids_cgroup_of_self() -> str | None:
    """The folder of this process's cgroup in a writable pids hierarchy (cgroup v1 or v2)."""
    mounts = _cgroup_mounts()
    try:
        with open("/proc/self/cgroup") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return None
    for line in lines:
        _, controllers, path = line.split(":", 2)
        if "pids" in controllers.split(",") and "pids" in mounts:
            folder = os.path.normpath(mounts["pids"] + path)
        elif controllers == "" and "cgroup2" in mounts:
            folder = os.path.normpath(mounts["cgroup2"] + path)
            if "pids" not in _read_text(os.path.join(folder, "cgroup.subtree_control")).split():
                continue
        else:
            continue
        if os.access(folder, os.W_OK) and os.path.exists(os.path.join(folder, "cgroup.procs")):
            return folder
    return None


def _cgroup_mounts() -> dict[str, str]:
    """Mount points of the pids (v1) and unified (v2) cgroup hierarchies."""
    found: dict[str, str] = {}
    for line in _read_text("/proc/self/mountinfo").splitlines():
        left, _, right = line.partition(" - ")
        fields, extra = left.split(), right.split()
        if len(fields) < 5 or len(extra) < 3:
            continue
        if extra[0] == "cgroup" and "pids" in extra[2].split(","):
            found.setdefault("pids", fields[4])
        elif extra[0] == "cgroup2":
            found.setdefault("cgroup2", fields[4])
    return found


def _remove_stale_cgroups(parent: str) -> None:
    """Empty probe cgroups left by a grader that died before cleaning up."""
    with contextlib.suppress(OSError):
        for entry in os.scandir(parent):
            if entry.name.startswith("learn-probe-"):
                owner = entry.name.split("-")[2]
                if owner.isdigit() and not os.path.exists(f"/proc/{owner}"):
                    with contextlib.suppress(OSError):
                        os.rmdir(entry.path)


def _read_text(path: str) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read()
    except OSError:
        return ""


class UidLease:
    """An otherwise unused uid, held (with a lock file) by one probe at a time."""

    def __init__(self, uid: int, lock_fd: int) -> None:
        self.uid = uid
        self._lock_fd = lock_fd

    @classmethod
    def acquire(cls) -> UidLease | None:
        """Lease a free uid from LEARN_SANDBOX_UIDS, or None when none can be had."""
        uids = uid_range(os.environ.get(UIDS_ENV, ""))
        folder = _lock_folder()
        if not uids or folder is None:
            return None
        start = os.getpid() % len(uids)  # spread concurrent graders over the range
        for offset in range(len(uids)):
            uid = uids[(start + offset) % len(uids)]
            if _has_account(uid):
                continue
            try:
                fd = os.open(os.path.join(folder, f"{uid}.lock"), os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
            except OSError:
                return None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                continue
            if user_tasks(uid):  # someone else's processes: leave that uid alone
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


def user_tasks(uid: int) -> list[int]:
    """Pids of the live (not zombie) processes whose real uid is `uid`."""
    found = []
    for pid in _pids():
        status = _status(pid)
        if _real_uid(status) == uid and not status.get("State", "").startswith(("Z", "X")):
            found.append(pid)
    return found


def kill_user_processes(uid: int, patience: float = 5.0) -> None:
    """SIGKILL every process of `uid` until none is left (setsid() escapees included).

    Each pid is pinned with a pidfd and its uid read again before the signal,
    so a pid reused by an unrelated process in between is never hit.
    """
    deadline = time.monotonic() + patience
    while time.monotonic() < deadline:
        pids = user_tasks(uid)
        if not pids:
            return
        for pid in pids:
            _kill_if_owned(pid, uid)
        time.sleep(0.005)  # killed processes take a moment to leave the process table


def _kill_if_owned(pid: int, uid: int) -> None:
    _kill_pinned(pid, lambda: _real_uid(_status(pid)) == uid)


def _kill_pinned(pid: int, still_ours: Any) -> None:
    """SIGKILL `pid` if `still_ours()` holds once the pid is pinned (so a reused pid is never hit)."""
    try:
        fd = os.pidfd_open(pid)
    except OSError:
        return
    try:
        if still_ours():
            signal.pidfd_send_signal(fd, signal.SIGKILL)
    except OSError:
        pass
    finally:
        os.close(fd)


def kill_session(sid: int) -> None:
    """SIGKILL what is left of session `sid` (processes that left the probe's process group)."""
    for _ in range(50):
        members = [pid for pid in _pids() if _session(pid) == sid and pid != sid]
        if not members:
            return
        for pid in members:
            _kill_pinned(pid, lambda: _session(pid) == sid)
        time.sleep(0.005)  # killed processes take a moment to leave the process table


def _session(pid: int) -> int | None:
    """The session id of a live process (None when it is gone or a zombie)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            fields = handle.read().rsplit(b")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return None if fields[0] in (b"Z", b"X") else int(fields[3])


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


def _pids() -> list[int]:
    try:
        return [int(name) for name in os.listdir("/proc") if name.isdigit()]
    except OSError:
        return []


def _status(pid: int) -> dict[str, str]:
    """The fields of /proc/PID/status ({} when the process is gone)."""
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8", errors="replace") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return {}
    return {key: value.strip() for key, _, value in (line.partition(":") for line in lines)}


def _real_uid(status: dict[str, str]) -> int | None:
    uids = status.get("Uid", "").split()
    return int(uids[0]) if uids else None


# ---- probe side -------------------------------------------------------------------


def confine(plan: dict[str, Any]) -> dict[str, str]:
    """Apply the plan to this process before learner code runs; returns what was achieved.

    The order matters: the cgroup is joined while cgroupfs can still be
    written, namespaces and mounts come before Landlock (which forbids
    mounting), capabilities go after the last privileged step, and the
    seccomp filter comes last.
    """
    from grader.sandbox import namespaces

    achieved = {"landlock": "off", "user": "shared", "processes": "unlimited"}
    _be_the_first_to_go()
    cgroup = plan.get("cgroup")
    if type(cgroup) is str and join_cgroup(cgroup):  # before Landlock closes cgroupfs
        achieved["processes"] = f"cgroup pids.max {plan.get('processes')}"
    in_namespaces = plan.get("namespaces") is True and type(plan.get("home")) is str
    if in_namespaces:
        private = [p for p in plan.get("private", []) if p in TEMPORARY_FOLDERS]
        kept = [p for p in plan.get("kept", []) if type(p) is str]
        achieved.update(namespaces.enter_probe_namespaces(plan["home"], private, kept))
    _set_no_new_privileges()
    abi = landlock_abi()
    if abi and restrict_paths(abi, plan.get("read", []), plan.get("write", [])):
        achieved["landlock"] = f"abi {abi}"
    uid = plan.get("uid")
    if type(uid) is int:
        try:
            drop_privileges(uid)
            achieved["user"] = f"uid {uid}"
        except OSError as exc:
            print(f"learn: could not switch the probe to uid {uid}: {exc}", file=sys.stderr)
    achieved["capabilities"] = "none" if namespaces.drop_capabilities() else "kept"
    allowance = plan.get("processes")
    # RLIMIT_NPROC does not bind root, except root inside a user namespace, where it counts that namespace only.
    if type(allowance) is int and (os.getuid() != 0 or in_namespaces):
        limit = user_task_count(os.getuid()) + allowance
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NPROC, (limit, limit))
            achieved["processes"] = str(limit) if achieved["processes"] == "unlimited" else achieved["processes"]
    achieved["seccomp"] = namespaces.install_seccomp()
    return achieved


def drop_privileges(uid: int) -> None:
    """Become `uid` (group `uid`, no supplementary groups) for good."""
    os.setgroups([])
    os.setresgid(uid, uid, uid)
    os.setresuid(uid, uid, uid)
    if os.getuid() != uid or os.geteuid() != uid:
        raise OSError(f"still uid {os.getuid()}")


def user_task_count(uid: int) -> int:
    """Processes and threads of `uid` (what RLIMIT_NPROC counts)."""
    total = 0
    for pid in _pids():
        status = _status(pid)
        if _real_uid(status) == uid:
            total += int(status.get("Threads") or 1)
    return total


def _be_the_first_to_go() -> None:
    """If the machine runs out of memory anyway, the kernel kills the probe before anything else."""
    with contextlib.suppress(OSError), open("/proc/self/oom_score_adj", "w") as handle:
        handle.write("1000")


def _set_no_new_privileges() -> None:
    """No setuid program can give learner code privileges back (and Landlock needs this)."""
    with contextlib.suppress(Exception):
        ctypes.CDLL(None, use_errno=True).prctl(38, 1, 0, 0, 0)  # PR_SET_NO_NEW_PRIVS


# ---- Landlock (see Documentation/userspace-api/landlock.rst) --------------------

_SYS_CREATE_RULESET, _SYS_ADD_RULE, _SYS_RESTRICT_SELF = 444, 445, 446  # the same on every architecture
_CREATE_RULESET_VERSION = 1
_RULE_PATH_BENEATH = 1
_EXECUTE, _WRITE_FILE, _READ_FILE, _READ_DIR = 1 << 0, 1 << 1, 1 << 2, 1 << 3
_TRUNCATE, _IOCTL_DEV = 1 << 14, 1 << 15
#: filesystem rights each ABI version knows: 13 in v1, REFER in v2, TRUNCATE in v3, IOCTL_DEV in v5
_FS_RIGHTS = {1: (1 << 13) - 1, 2: (1 << 14) - 1, 3: (1 << 15) - 1, 4: (1 << 15) - 1}
_FILE_RIGHTS = _EXECUTE | _WRITE_FILE | _READ_FILE | _TRUNCATE | _IOCTL_DEV
_NET_TCP = 0b11  # bind and connect (ABI 4)
_SCOPE_ALL = 0b11  # abstract unix sockets and signals outside the domain (ABI 6)


def _libc() -> Any:
    libc = ctypes.CDLL(None, use_errno=True)
    libc.syscall.restype = ctypes.c_long
    return libc


def landlock_abi() -> int:
    """The Landlock ABI version the kernel offers (0 when it has none)."""
    if not sys.platform.startswith("linux"):
        return 0
    try:
        version = _libc().syscall(_SYS_CREATE_RULESET, None, ctypes.c_size_t(0), ctypes.c_uint32(_CREATE_RULESET_VERSION))
    except (OSError, AttributeError):
        return 0
    return max(int(version), 0)


def restrict_paths(abi: int, read: list[str], write: list[str]) -> bool:
    """Allow reading (and running) below `read`, everything below `write`; deny the rest for good."""
    libc = _libc()
    fs_rights = _FS_RIGHTS.get(abi, (1 << 16) - 1)
    attr = struct.pack("=QQQ", fs_rights, _NET_TCP if abi >= 4 else 0, _SCOPE_ALL if abi >= 6 else 0)
    size = 8 if abi < 4 else 16 if abi < 6 else 24
    buffer = ctypes.create_string_buffer(attr[:size], size)
    ruleset = libc.syscall(_SYS_CREATE_RULESET, buffer, ctypes.c_size_t(size), ctypes.c_uint32(0))
    if ruleset < 0:
        return False
    try:
        read_rights = (_EXECUTE | _READ_FILE | _READ_DIR) & fs_rights
        device_rights = (_WRITE_FILE | _IOCTL_DEV) & fs_rights  # /dev/null, and GPUs when there are some
        for path in read:
            _allow(libc, ruleset, path, read_rights | (device_rights if path.startswith("/dev/") else 0))
        for path in write:
            _allow(libc, ruleset, path, fs_rights)
        if libc.syscall(_SYS_RESTRICT_SELF, ctypes.c_int(ruleset), ctypes.c_uint32(0)) != 0:
            return False
    finally:
        os.close(ruleset)
    return True


def _allow(libc: Any, ruleset: int, path: str, rights: int) -> None:
    try:
        fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
    except OSError:
        return
    try:
        if not stat.S_ISDIR(os.fstat(fd).st_mode):
            rights &= _FILE_RIGHTS
        rule = ctypes.create_string_buffer(struct.pack("=Qi", rights, fd), 12)
        libc.syscall(_SYS_ADD_RULE, ctypes.c_int(ruleset), ctypes.c_int(_RULE_PATH_BENEATH), rule, ctypes.c_uint32(0))
    finally:
        os.close(fd)

