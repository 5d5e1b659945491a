"""Which layers of confinement this host gives learner probes, and whether it can give them at all.

`describe` names, for `learn doctor`, grade documents and tests, the layer
that provides each guarantee, so a reader can tell a kernel-enforced
boundary ("own PID namespace") from a weaker fallback.
"""

from __future__ import annotations

import os
import sys

from grader import settings
from grader.sandbox import namespaces
from grader.sandbox.cgroup import pids_cgroup_of_self
from grader.sandbox.landlock import landlock_abi
from grader.sandbox.plan import PROCESS_ALLOWANCE, enabled
from grader.sandbox.uids import uid_range, users_available


def namespaces_wanted() -> bool:
    """Whether learner workers should confine themselves with namespaces (LEARN_SANDBOX_NAMESPACES=off: no)."""
    config = settings.current()
    if not config.sandbox or not config.namespaces:
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
    child, refused = namespaces.fork_into_user_namespace(namespaces.CLONE_NEWPID | namespaces.CLONE_NEWNS)
    if child == 0:
        os._exit(1 if refused else 0)
    _, status = os.waitpid(child, 0)
    return os.waitstatus_to_exitcode(status) == 0


def seccomp_available() -> bool:
    """Whether probes get the seccomp filter (libseccomp and its Python binding are installed)."""
    return sys.platform.startswith("linux") and namespaces.prepare_seccomp() is None


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
    elif root and users_available() and uid_range(settings.current().sandbox_uids):
        user = "a uid of its own"
    else:
        user = "root" if root else "the same user"
    if root and pids_cgroup_of_self():
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
    "own processes only": "只能发给自己的进程",
    "root without capabilities (user namespace)": "没有权能的 root（用户命名空间）",
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


