"""Starting probes: warm workers by default, a fresh interpreter as the fallback.

One engine serves a whole command (`learn check`, `learn grade`, `learn
watch`, the test suite): it keeps one worker for learner code and another
for reference solutions, each having imported torch once.
"""

from __future__ import annotations

import atexit
import os
import socket
import tempfile
import threading

from grader import sandbox, settings
from grader.engine.runner import FrameCallback, probe_environment, run_probe
from grader.engine.worker import Worker, WorkerGone
from grader.errors import Cancelled
from grader.settings import Settings
from grader.wire import Limits, ProbeRequest, ProbeRun

LEARNER = "learner"
REFERENCE = "reference"


def warm_by_default(current: Settings | None = None) -> bool:
    """Fork-based workers need fork and fd passing (Linux, macOS); LEARN_COLD=1 turns them off."""
    cold = (current or settings.current()).cold
    return not cold and hasattr(socket, "send_fds") and hasattr(os, "fork")


#: what long sessions (grade, watch) preload: torch._dynamo loads on the first optimizer or
#: meta-device operation and costs 1-3 s, which every forked probe would otherwise pay again
LONG_SESSION_PRELOAD = ("torch", "torch._dynamo")


class Engine:
    """Runs probes for the learner and for the reference."""

    def __init__(self, warm: bool | None = None, preload: tuple[str, ...] = LONG_SESSION_PRELOAD) -> None:
        self.warm = warm_by_default() if warm is None else warm
        self.preload = preload  #: modules each worker imports before its first fork
        self._workers: dict[str, Worker] = {}
        self._lock = threading.Lock()

    def require(self, modules: tuple[str, ...]) -> None:
        """Have workers started from now on import `modules` too."""
        with self._lock:
            self.preload = (*self.preload, *(name for name in modules if name not in self.preload))

    def start(self, roles: tuple[str, ...] = (LEARNER, REFERENCE)) -> None:
        """Start workers now, so their torch import overlaps with other work."""
        if self.warm:
            for role in roles:
                self._worker(role).start()

    def run(self, request: ProbeRequest, limits: Limits, *,
            on_frame: FrameCallback | None = None, cancel: threading.Event | None = None) -> ProbeRun:
        """Run one probe; see `run_probe` for `on_frame` and `cancel`.

        A confined request (learner code) is forked from the learner's worker, the
        reference's from the reference worker: the two never share a process.
        """
        role = LEARNER if request.confined else REFERENCE
        if not self.warm:
            return run_probe(request, limits, on_frame=on_frame, cancel=cancel)
        try:
            return run_probe(request, limits, self._worker(role), on_frame=on_frame, cancel=cancel)
        except WorkerGone:
            if cancel is not None and cancel.is_set():
                raise Cancelled() from None  # `stop` closed the worker on purpose: start no other
            # Learner code may kill its worker; the next run gets a new one.
            self._worker(role).close()
            return run_probe(request, limits, self._worker(role), on_frame=on_frame, cancel=cancel)

    def _worker(self, role: str) -> Worker:
        with self._lock:
            if role not in self._workers:
                env = probe_environment(tempfile.gettempdir(), threads=1)
                # Learner code runs only in the learner worker's probes: that worker is confined from its start.
                confine = sandbox.hidden_paths() if role == LEARNER and sandbox.namespaces_wanted() else None
                self._workers[role] = Worker(env, self.preload, confine)
            return self._workers[role]

    def stop(self) -> None:
        """Kill every worker now (Ctrl-C): runs still waiting for one end, and with `cancel` set, as Cancelled."""
        with self._lock:
            workers = list(self._workers.values())
        for worker in workers:
            worker.close()

    def close(self) -> None:
        for worker in self._workers.values():
            worker.close()
        self._workers.clear()

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_shared: Engine | None = None



def shared_engine(preload: tuple[str, ...] | None = None) -> Engine:
    """The process-wide engine, closed when the process exits.

    `preload` is what its workers import before forking; asked for again with
    more modules, a worker started later imports them too (one already running
    imports a probe's `needs` before forking it, so nothing is ever missing).
    """
    global _shared
    if _shared is None:
        _shared = Engine(preload=preload or LONG_SESSION_PRELOAD)
        atexit.register(_shared.close)
    elif preload:
        _shared.require(preload)
    return _shared
