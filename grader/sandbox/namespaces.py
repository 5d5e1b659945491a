"""Kernel confinement of learner probes: namespaces, capabilities and seccomp.

Learner code owns its whole probe process, so nothing in Python can keep it
in; the kernel can, and for root too. Two levels:

- The learner **worker** (the warm process probes are forked from) enters a
  new user, PID and mount namespace when it starts, before it imports torch.
  In the PID namespace it is process 1: the judge, the terminal, the
  reference worker and every other process of the machine are invisible and
  out of reach, and when the worker dies every probe dies with it. A fresh
  /proc shows that namespace only. Folders that hold answers (reference
  solutions, the reference cache) and shared runtime folders (/run with its
  sockets, /dev/pts with the terminals) are covered with empty, read-only
  file systems.
- Each **probe** then enters its own mount, network, IPC and UTS namespaces:
  no network at all (UDP and abstract Unix sockets included), SysV IPC
  objects that die with it, and a private /tmp and /dev/shm (tmpfs, capped
  in size) that vanish with it. Its home is a fresh folder on that /tmp, with
  the submission bound in read-only. After Landlock (grader.sandbox.landlock) it
  drops every capability, locks uid 0 out of regaining them, and installs a
  seccomp filter for the calls that reach other processes or the terminal.

Each step reports what it achieved; a host that refuses one (a container
under Docker's default seccomp profile, a distribution that restricts user
namespaces, macOS) keeps the other layers, and `learn doctor` says which.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import struct
import sys
from typing import Any

from grader.sandbox import prctl, procfs

CLONE_NEWNS = 0x00020000
CLONE_NEWCGROUP = 0x02000000
CLONE_NEWUTS = 0x04000000
CLONE_NEWIPC = 0x08000000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000

MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 0x1, 0x2, 0x4, 0x8
MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 0x20, 0x1000, 0x4000, 1 << 18

#: a probe's private /tmp (its home and temporary files) and /dev/shm: disk in total, not per file
TMP_SIZE = "256m"
SHM_SIZE = "64m"
#: runtime folders whose sockets and terminals no probe may reach
COVERED_RUNTIME = ("/run", "/var/run", "/dev/pts", "/dev/mqueue")


def _libc() -> Any:
    libc = ctypes.CDLL(None, use_errno=True)
    libc.mount.argtypes = (ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_ulong, ctypes.c_char_p)
    libc.unshare.argtypes = (ctypes.c_int,)
    return libc


def supported() -> bool:
    return sys.platform.startswith("linux")


def unshare(flags: int) -> None:
    if _libc().unshare(flags) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code))


def mount(source: str, target: str, fstype: str | None, flags: int, data: str | None = None) -> None:
    result = _libc().mount(source.encode(), target.encode(), fstype.encode() if fstype else None, flags,
                           data.encode() if data else None)
    if result != 0:
        code = ctypes.get_errno()
        raise OSError(code, f"mount {target}: {os.strerror(code)}")


def _write(path: str, text: str) -> None:
    with open(path, "w") as handle:
        handle.write(text)


def map_own_ids(pid: str = "self") -> None:
    """Map the uid and gid `pid` had outside its new user namespace to the same ids inside (nothing else).

    Mapping only our own ids keeps file access as it was: the probe reads the
    Python installation it was forked from, whoever owns it. For root the
    kernel (5.12+) lets only a process outside the namespace write that map,
    so the worker's map is written by its parent (`fork_into_user_namespace`).
    """
    uid, gid = os.geteuid(), os.getegid()
    with contextlib.suppress(FileNotFoundError):  # kernels before 3.19 have no setgroups file
        _write(f"/proc/{pid}/setgroups", "deny")
    _write(f"/proc/{pid}/uid_map", f"{uid} {uid} 1")
    _write(f"/proc/{pid}/gid_map", f"{gid} {gid} 1")


def fork_into_user_namespace(flags: int) -> tuple[int, str | None]:
    """Fork; the child enters a new user namespace (plus `flags`), whose ids the parent maps.

    Returns (child pid, None) in the parent and (0, None) in the child when
    it worked; (0, reason) in the child when the host refused, in which case
    the child goes on unconfined. The parent learns the outcome from the
    child's exit only: it is expected to wait for the child and mirror it.
    """
    ready_r, ready_w = os.pipe()
    mapped_r, mapped_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(ready_r)
        os.close(mapped_w)
        try:
            unshare(CLONE_NEWUSER | flags)
            refused = None
        except OSError as exc:
            refused = exc.strerror or str(exc)
        os.write(ready_w, b"0" if refused else b"1")
        os.close(ready_w)
        answer = os.read(mapped_r, 64).decode(errors="replace")
        os.close(mapped_r)
        return 0, refused or (None if answer == "1" else f"ids not mapped ({answer[1:]})")
    os.close(ready_w)
    os.close(mapped_r)
    entered = os.read(ready_r, 1) == b"1"
    os.close(ready_r)
    answer = "0"
    if entered:
        try:
            map_own_ids(str(pid))
            answer = "1"
        except OSError as exc:
            answer = f"0{exc.strerror}"
    os.write(mapped_w, answer.encode())
    os.close(mapped_w)
    return pid, None


def in_initial_user_namespace() -> bool:
    """True in the host's own user namespace, whose uid map covers every uid."""
    found = procfs.uid_map()
    return found is None or found == ["0", "0", "4294967295"]


# ---- the learner worker ----------------------------------------------------------


def enter_worker_namespaces(covered: list[str]) -> dict[str, str]:
    """Make this worker process 1 of new user, PID and mount namespaces; returns what holds.

    Two forks: the first child enters the namespaces (its parent maps its
    ids), the second becomes process 1 of the new PID namespace and goes on
    as the worker. Each parent waits and leaves with its child's exit
    status, so the judge's handle on the worker still works. `covered` are
    folders no probe may read (reference solutions, the reference cache).
    """
    if not supported():
        return {"namespaces": "unsupported"}
    child, refused = fork_into_user_namespace(CLONE_NEWPID | CLONE_NEWNS)
    if child:
        _mirror_exit(child)
    if refused:
        return {"namespaces": f"refused ({refused})"}
    init = os.fork()
    if init:
        _mirror_exit(init)
    achieved = {"namespaces": "user, pid, mount"}
    try:
        mount("none", "/", None, MS_REC | MS_PRIVATE)  # nothing we mount is seen outside
        mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
    except OSError as exc:
        achieved["proc"] = f"host /proc ({exc.strerror})"
    achieved["covered"] = ", ".join(cover(path) for path in [*COVERED_RUNTIME, *covered] if os.path.isdir(path))
    return achieved


def _mirror_exit(child: int) -> None:
    """Wait for the child and end this process the way the child ended (never returns)."""
    for fd in range(0, 3):
        with contextlib.suppress(OSError):
            os.close(fd)
    status = 0
    while True:
        try:
            _, status = os.waitpid(child, 0)
            break
        except ChildProcessError:
            break
        except InterruptedError:
            continue
    code = os.waitstatus_to_exitcode(status)
    os._exit(code if code >= 0 else 128 - code)


def cover(path: str) -> str:
    """Hide a folder behind an empty read-only tmpfs; returns the path, marked when that failed."""
    try:
        mount("tmpfs", path, "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, "size=4k,mode=755")
    except OSError:
        return f"{path} (not covered)"
    return path


# ---- each probe ------------------------------------------------------------------------


def enter_probe_namespaces(home: str, private: list[str] | None = None,
                           kept: list[str] | None = None) -> dict[str, str]:
    """Give this probe its own mount, network, IPC and UTS namespaces, and private temporary folders.

    /tmp, /var/tmp and /dev/shm become fresh tmpfs (capped in size, gone with
    the probe). `home` (a folder the judge made, holding `submission/`) is
    made again on that fresh file system, with `submission/` bound in
    read-only, so nothing the probe writes reaches the judge's disk.
    """
    if not supported():
        return {}
    # A probe not forked from a confined worker (LEARN_COLD=1): root may unshare as it is (and drops its
    # capabilities later); another user needs a user namespace first, whose map it may write itself.
    own_user = in_initial_user_namespace() and os.geteuid() != 0
    try:
        unshare(CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS | (CLONE_NEWUSER if own_user else 0))
        if own_user:
            map_own_ids()
    except OSError as exc:
        return {"probe namespaces": f"refused ({exc.strerror})"}
    achieved = {"network": "none (own namespace)", "ipc": "own namespace"}
    with contextlib.suppress(OSError):
        mount("none", "/", None, MS_REC | MS_PRIVATE)
    try:
        _private_temporary_folders(home, ["/tmp", "/var/tmp", "/dev/shm"] if private is None else private, kept or [])
        achieved["temporary files"] = f"private tmpfs ({TMP_SIZE})"
    except OSError as exc:
        achieved["temporary files"] = f"shared ({exc.strerror})"
    os.chdir(home)  # the old working folder is the judge's copy on the real disk
    return achieved


def _private_temporary_folders(home: str, folders: list[str], kept: list[str]) -> None:
    staged = _read_folder(os.path.join(home, "submission"))
    # Handles on what must stay visible (a CI clone with its Python under /tmp), taken before it is covered.
    handles = {path: os.open(path, os.O_PATH | os.O_DIRECTORY | os.O_CLOEXEC) for path in kept if os.path.isdir(path)}
    try:
        for folder in folders:
            if os.path.isdir(folder) and not os.path.islink(folder):
                size = SHM_SIZE if folder == "/dev/shm" else TMP_SIZE
                mount("tmpfs", folder, "tmpfs", MS_NOSUID | MS_NODEV, f"size={size},mode=1777")
        for path, handle in handles.items():
            os.makedirs(path, exist_ok=True)
            mount(f"/proc/self/fd/{handle}", path, None, MS_BIND | MS_REC)  # REC: its covered answers stay covered
    finally:
        for handle in handles.values():
            os.close(handle)
    if os.path.isdir(home):  # a home outside /tmp ($TMPDIR elsewhere): cover it the same way
        mount("tmpfs", home, "tmpfs", MS_NOSUID | MS_NODEV, f"size={TMP_SIZE},mode=700")
    else:
        os.makedirs(home, mode=0o700)
    # The probe's own copy of the submission: changing it changes nothing the judge reads.
    os.mkdir(os.path.join(home, "submission"), 0o755)
    for name, data in staged.items():
        with open(os.path.join(home, "submission", name), "wb") as copy:
            copy.write(data)


def _read_folder(folder: str) -> dict[str, bytes]:
    files = {}
    for entry in os.scandir(folder):
        if entry.is_file(follow_symlinks=False):
            with open(entry.path, "rb") as handle:
                files[entry.name] = handle.read()
    return files


# ---- capabilities ----------------------------------------------------------------------

#: NOROOT, NO_SETUID_FIXUP, KEEP_CAPS_LOCKED and NO_CAP_AMBIENT_RAISE, each with its lock bit
_SECUREBITS_LOCKED = 0b11101111
_CAPABILITY_VERSION_3 = 0x20080522
_SYS_CAPSET = 126 if os.uname().machine in ("x86_64", "amd64") else 91  # x86_64, else the generic table


def drop_capabilities() -> bool:
    """Give up every capability for good, uid 0 included; True when none is left."""
    if not supported():
        return False
    prctl.prctl(prctl.PR_SET_SECUREBITS, _SECUREBITS_LOCKED)  # uid 0 gains nothing on exec
    for cap in range(_last_capability() + 1):
        prctl.prctl(prctl.PR_CAPBSET_DROP, cap)
    prctl.prctl(prctl.PR_CAP_AMBIENT, prctl.PR_CAP_AMBIENT_CLEAR_ALL)
    libc = _libc()
    header = ctypes.create_string_buffer(struct.pack("=Ii", _CAPABILITY_VERSION_3, 0), 8)
    data = ctypes.create_string_buffer(bytes(24), 24)  # effective, permitted, inheritable: all empty
    libc.syscall.restype = ctypes.c_long
    libc.syscall(_SYS_CAPSET, header, data)
    return procfs.effective_capabilities() == 0


def _last_capability() -> int:
    found = procfs.last_capability()
    return 40 if found is None else found


# ---- seccomp ------------------------------------------------------------------------------

#: calls that reach other processes, the kernel's own state or new namespaces: refused with EPERM
REFUSED_CALLS = (
    "ptrace", "process_vm_readv", "process_vm_writev", "kcmp", "pidfd_getfd", "process_madvise",
    "mount", "umount2", "pivot_root", "move_mount", "open_tree", "fsopen", "fsmount", "unshare", "setns",
    "keyctl", "add_key", "request_key", "bpf", "perf_event_open", "userfaultfd", "io_uring_setup",
    "init_module", "finit_module", "delete_module", "kexec_load", "kexec_file_load", "reboot",
    "swapon", "swapoff", "syslog", "acct", "settimeofday", "clock_settime", "open_by_handle_at",
    "name_to_handle_at", "quotactl", "lookup_dcookie", "chroot",
)
TIOCSTI, TIOCLINUX = 0x5412, 0x541C
AF_PACKET, SOCK_RAW = 17, 3
_NAMESPACE_FLAGS = (CLONE_NEWNS, CLONE_NEWCGROUP, CLONE_NEWUTS, CLONE_NEWIPC, CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET)


_FILTER: Any = None


def prepare_seccomp() -> str | None:
    """Build the probe filter once (in the worker, before it forks); returns why not, or None.

    Through libseccomp (pyseccomp), which writes the BPF program for this
    architecture and kills calls made through another ABI (32-bit int 0x80).
    """
    global _FILTER
    if _FILTER is not None:
        return None
    try:
        import pyseccomp as seccomp
    except Exception as exc:  # the package or libseccomp.so.2 is missing
        return f"off ({type(exc).__name__})"
    try:
        refuse = seccomp.ERRNO(errno.EPERM)
        rules = seccomp.SyscallFilter(defaction=seccomp.ALLOW)
        for name in REFUSED_CALLS:
            with contextlib.suppress(Exception):  # a call this kernel or libseccomp does not know
                rules.add_rule(refuse, name)
        for request in (TIOCSTI, TIOCLINUX):  # typing into a terminal
            rules.add_rule(refuse, "ioctl", seccomp.Arg(1, seccomp.MASKED_EQ, 0xFFFFFFFF, request))
        rules.add_rule(refuse, "prlimit64", seccomp.Arg(0, seccomp.NE, 0))  # another process's limits
        rules.add_rule(refuse, "socket", seccomp.Arg(0, seccomp.EQ, AF_PACKET))
        rules.add_rule(refuse, "socket", seccomp.Arg(1, seccomp.MASKED_EQ, 0xF, SOCK_RAW))
        for flag in _NAMESPACE_FLAGS:  # threads and fork stay allowed; new namespaces do not
            rules.add_rule(refuse, "clone", seccomp.Arg(0, seccomp.MASKED_EQ, flag, flag))
        # clone3 passes its flags in memory a filter cannot read: "not implemented" makes libc use clone
        rules.add_rule(seccomp.ERRNO(errno.ENOSYS), "clone3")
    except Exception as exc:
        return f"off ({type(exc).__name__}: {exc})"
    _FILTER = rules
    return None


def install_seccomp() -> str:
    """Refuse the calls that reach outside the probe, for good; returns "on" or why not."""
    problem = prepare_seccomp()
    if problem:
        return problem
    try:
        _FILTER.load()
    except Exception as exc:
        return f"off ({type(exc).__name__}: {exc})"
    return "on"
