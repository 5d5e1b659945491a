"""The judge's side of confinement: decide how one probe is confined, and clean up after it."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from grader import settings
from grader.sandbox.cgroup import PidsCgroup
from grader.sandbox.paths import inside, kept_in_private_folders, private_folders, readable_roots
from grader.sandbox.sweep import kill_user_processes, remove_files_of
from grader.sandbox.uids import UidLease, users_available

#: processes and threads a probe may add to those its user already has
PROCESS_ALLOWANCE = 64


def enabled() -> bool:
    """Whether learner probes are confined at all (LEARN_SANDBOX=off turns it off)."""
    return settings.current().sandbox


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
    writable = [p for p in private if not any(inside(k, p) for k in kept)]
    write = [p for p in (home, "/dev/null", *writable) if os.path.exists(p)]
    cgroup = PidsCgroup.create(PROCESS_ALLOWANCE) if root else None
    plan = Plan(lease.uid if lease else None, readable_roots(), write, staged, lease, cgroup, namespaces, home)
    plan.private = list(private) if namespaces else []
    plan.kept = kept
    return plan


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
