"""The probe's side of confinement: applied in the probe, after the exercise's imports, before the learner's file."""

from __future__ import annotations

import contextlib
import os
import resource
import sys
from typing import Any

from grader.sandbox import namespaces, prctl, procfs
from grader.sandbox.cgroup import join_cgroup
from grader.sandbox.landlock import landlock_abi, restrict_paths
from grader.sandbox.paths import TEMPORARY_FOLDERS


def confine(plan: dict[str, Any]) -> dict[str, str]:
    """Apply the plan to this process before learner code runs; returns what was achieved.

    The order matters: the cgroup is joined while cgroupfs can still be
    written, namespaces and mounts come before Landlock (which forbids
    mounting), capabilities go after the last privileged step, and the
    seccomp filter comes last.
    """
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
    prctl.set_no_new_privileges()  # no setuid program gives learner code privileges back (and Landlock needs it)
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
        limit = procfs.user_task_count(os.getuid()) + allowance
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


def _be_the_first_to_go() -> None:
    """If the machine runs out of memory anyway, the kernel kills the probe before anything else."""
    with contextlib.suppress(OSError), open("/proc/self/oom_score_adj", "w") as handle:
        handle.write("1000")
