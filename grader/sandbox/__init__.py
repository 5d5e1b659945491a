"""Confinement of the learner's probe: what it may reach, not only what it may use.

Resource limits (grader.probe.main.apply_limits) bound how much one probe uses.
This package bounds what learner code can touch, in layers that each work on
their own and are applied when the host allows them:

- Landlock (Linux 5.13+, no privileges needed): the probe may read only the
  Python installation, the system folders and the `grader` package, and
  write only its temporary home and /dev/shm. Reference solutions, the
  learner's workspace and progress file, the home folder, TCP connections
  (ABI 4+) and signals to processes outside the probe (ABI 6+) are refused.
- Namespaces, capabilities and seccomp (`namespaces`): a learner worker is
  process 1 of its own user, PID and mount namespaces, and each probe adds
  its own network, IPC and a private /tmp, then gives up every capability
  and the system calls that reach outside it.
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
root judge's probes as root, `LEARN_SANDBOX_UIDS=FIRST-LAST` picks the uids
(all read through `grader.settings`).

The modules, from the judge's side to the probe's:

- `plan`: decide one probe's confinement (`prepare`) and clean up after it
  (`release`); `paths`: what a probe may read and write;
- `hidden`: what no probe may read (answers, the reference cache);
- `layers`: which layers this host gives (`describe`, `missing_layers`);
- `uids`: leasing a uid of its own; `cgroup`: a pids cgroup per probe;
  `sweep`: killing what a probe left running and removing its files;
- `confinement`: the probe side (`confine`); `landlock`, `namespaces`:
  the kernel's mechanisms; `procfs` and `prctl`: every read of /proc and
  every prctl(2) call, for the worker (grader.engine.worker) too.

This module only re-exports the names the rest of `learn` uses.
"""

from grader.sandbox import namespaces, prctl, procfs
from grader.sandbox.cgroup import PidsCgroup, join_cgroup, pids_cgroup_of_self
from grader.sandbox.confinement import confine, drop_privileges
from grader.sandbox.hidden import hidden_paths, protect
from grader.sandbox.landlock import landlock_abi, restrict_paths
from grader.sandbox.layers import (
    DESCRIPTION_ZH,
    REQUIRED_LAYERS,
    describe,
    describe_in,
    missing_layers,
    namespaces_available,
    namespaces_wanted,
    seccomp_available,
)
from grader.sandbox.paths import (
    DEVICES,
    ETC_READ,
    SHARED_TEMP,
    SYSTEM_READ,
    TEMPORARY_FOLDERS,
    kept_in_private_folders,
    private_folders,
    readable_roots,
)
from grader.sandbox.plan import PROCESS_ALLOWANCE, Plan, enabled, prepare, release, stage_file
from grader.sandbox.procfs import user_task_count, user_tasks
from grader.sandbox.sweep import kill_session, kill_user_processes, remove_files_of
from grader.sandbox.uids import DEFAULT_UIDS, UidLease, readable_by_anyone, uid_range, users_available

__all__ = [
    "DEFAULT_UIDS", "DESCRIPTION_ZH", "DEVICES", "ETC_READ", "PROCESS_ALLOWANCE", "REQUIRED_LAYERS", "SHARED_TEMP",
    "SYSTEM_READ", "TEMPORARY_FOLDERS", "PidsCgroup", "Plan", "UidLease", "confine", "describe", "describe_in",
    "drop_privileges", "enabled", "hidden_paths", "join_cgroup", "kept_in_private_folders", "kill_session",
    "kill_user_processes", "landlock_abi", "missing_layers", "namespaces", "namespaces_available",
    "namespaces_wanted", "pids_cgroup_of_self", "prctl", "prepare", "private_folders", "procfs", "protect",
    "readable_by_anyone", "readable_roots", "release", "remove_files_of", "restrict_paths", "seccomp_available",
    "stage_file", "uid_range", "user_task_count", "user_tasks", "users_available",
]
