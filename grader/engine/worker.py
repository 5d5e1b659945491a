"""Warm workers: import torch once, then fork a fresh probe for every run.

Importing torch costs seconds; forking a process that already imported it
costs a few milliseconds. A worker is a small server started with a
scrubbed environment. It imports torch (and whatever an exercise `needs`),
never touches CUDA or runs a tensor operation (so no thread pool or GPU
context exists to be inherited), and for each request forks a child that
becomes an ordinary probe: its own session, limits, temporary home, and the
three pipes the parent created for it (results, stdout, stderr), passed
over a Unix socket with SCM_RIGHTS.

The child closes the control socket before running learner code, so
learner code can only reach the worker by signals (which the sandbox also
takes away where it can); if it kills the worker, the parent notices and
starts another. Runs for the learner and for the reference use different
workers, so a hostile submission can never disturb the reference's answers.

The worker is a child subreaper: a grandchild that escaped its probe's
process group with setsid() is re-parented to the worker when the probe
dies, and the worker kills it before it reports the probe's exit.

A learner worker is confined by the kernel from its start (see
`grader.sandbox.namespaces`): it is process 1 of its own PID namespace, so pids it
knows mean nothing outside. Each probe therefore says hello on the control
socket before it detaches, and the parent learns the probe's real pid from
the kernel (SCM_CREDENTIALS translates it), never from what a worker says.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import json
import os
import select
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from grader import bootstrap
from grader.sandbox import prctl, procfs

if TYPE_CHECKING:  # the worker imports no more than it must before it confines itself (threads, libraries)
    from grader.wire import ProbeRequest

_BOOTSTRAP = bootstrap("from grader.engine.worker import serve; serve()")
MAX_MESSAGE = 1 << 20
CONTROL_FD = 3
#: seconds to wait for a living worker to fork a probe before it counts as hung
SPAWN_PATIENCE = 600.0


class WorkerGone(Exception):
    """The worker process died or its socket closed."""


class ForkedProbe:
    """The parent's view of one forked probe; quacks like subprocess.Popen for the runner."""

    def __init__(self, pid: int, worker: Worker) -> None:
        self.pid = pid
        self.returncode: int | None = None
        self._exited = threading.Event()
        self._worker = worker

    def poll(self) -> int | None:
        if not self._exited.is_set() and not self._worker.alive and (self.pid <= 0 or not _pid_exists(self.pid)):
            self._exited.set()  # the worker died, so nobody will report this exit: it just ended
        return self.returncode if self._exited.is_set() else None

    def wait(self, timeout: float | None = None) -> int | None:
        # In slices: when the worker is gone (Ctrl-C stops every worker), nobody will report this exit,
        # and poll() sees the end by itself; waiting out the whole timeout would stall the interruption.
        deadline = None if timeout is None else time.monotonic() + timeout
        while not self._exited.wait(0.05):
            if not self._worker.alive and self.poll() is not None:
                return self.returncode
            if deadline is not None and time.monotonic() >= deadline:
                raise subprocess.TimeoutExpired("probe", timeout or 0)
        return self.returncode

    def kill(self) -> None:
        if self.pid <= 0:
            return  # not known yet: killpg(0) would hit our own group
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.pid, signal.SIGKILL)

    def _set_exit(self, code: int) -> None:
        self.returncode = code
        self._exited.set()


class _Spawn:
    """One probe being started: known once the worker said it forked it and the probe said hello."""

    def __init__(self, request_id: int, probe: ForkedProbe) -> None:
        self.id = request_id
        self.probe = probe
        self.started = False
        self.known = threading.Event()


_UCRED = struct.Struct("=iII")  # struct ucred: pid, uid, gid


def _sender_pid(ancillary: list[tuple[int, int, bytes]]) -> int | None:
    for level, kind, data in ancillary:
        if level == socket.SOL_SOCKET and kind == socket.SCM_CREDENTIALS and len(data) >= _UCRED.size:
            return _UCRED.unpack_from(data)[0]
    return None


class Worker:
    """Parent-side handle of one warm worker process."""

    def __init__(self, env: dict[str, str], preload: tuple[str, ...] = ("torch",),
                 confine: list[str] | None = None) -> None:
        """`confine`: folders to hide from the probes of a confined (learner) worker; None: not confined."""
        self._env = env
        self._preload = preload
        self._confine = confine
        self._lock = threading.Lock()
        self._process: subprocess.Popen | None = None
        self._sock: socket.socket | None = None
        self._spawning: dict[int, _Spawn] = {}  # by request id, until the probe's exit is known
        self._by_worker_pid: dict[int, _Spawn] = {}
        self._next_id = 0

    @property
    def confined(self) -> bool:
        """Whether this worker confines itself with namespaces when it starts (learner workers)."""
        return self._confine is not None

    @property
    def alive(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self) -> None:
        """Start the worker process now (it imports torch in the background)."""
        with self._lock:
            self._start_locked()

    def _start_locked(self) -> None:
        if self.alive:
            return
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        ours.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)  # the kernel tells us who sent each message
        os.set_inheritable(theirs.fileno(), True)
        env = {**self._env, "LEARN_WORKER_CONTROL_FD": str(theirs.fileno()),
               "LEARN_WORKER_PRELOAD": ",".join(self._preload)}
        if self._confine is not None:
            env["LEARN_WORKER_CONFINE"] = json.dumps(self._confine)
        self._process = subprocess.Popen(
            [sys.executable, "-I", "-c", _BOOTSTRAP],
            stdin=subprocess.DEVNULL,
            pass_fds=(theirs.fileno(),),
            env=env,
            start_new_session=True,
        )
        theirs.close()
        self._sock = ours
        threading.Thread(target=self._read_messages, args=(ours,), daemon=True).start()

    def spawn(self, request: ProbeRequest, fds: tuple[int, int, int]) -> ForkedProbe:
        """Fork a probe that runs `request` with (channel, stdout, stderr) as its pipes."""
        with self._lock:
            self._start_locked()
            assert self._sock is not None
            self._next_id += 1
            spawn = _Spawn(self._next_id, ForkedProbe(0, self))
            self._spawning[spawn.id] = spawn
            payload = json.dumps({"id": spawn.id, "request": request.to_json()}).encode()
            try:
                socket.send_fds(self._sock, [payload], list(fds))
            except OSError as exc:
                self._spawning.pop(spawn.id, None)
                raise WorkerGone(str(exc)) from None
        # The first fork waits for the worker's own imports (torch: seconds, minutes on a loaded machine):
        # wait as long as the worker lives, up to a bound that only a hung worker reaches.
        waited = 0.0
        while not spawn.known.wait(timeout=1.0):
            waited += 1.0
            if not self.alive or waited >= SPAWN_PATIENCE:
                break
        if not spawn.known.is_set() or not spawn.probe.pid:
            raise WorkerGone("the worker did not start the probe")
        return spawn.probe

    def _read_messages(self, sock: socket.socket) -> None:
        while True:
            try:
                data, ancillary, _, _ = sock.recvmsg(MAX_MESSAGE, socket.CMSG_SPACE(_UCRED.size))
            except OSError:
                data, ancillary = b"", []
            if not data:
                break
            try:
                self._handle(json.loads(data), _sender_pid(ancillary))
            except (ValueError, KeyError, TypeError):
                continue  # a malformed message: the worker is ours, but never let it kill this thread
        # The worker is gone: wake everyone waiting on it.
        for spawn in list(self._spawning.values()):
            spawn.known.set()
            spawn.probe.poll()

    def _handle(self, message: dict[str, Any], sender: int | None) -> None:
        with self._lock:
            spawn = self._spawning.get(message["id"]) if "id" in message else None
            if message["kind"] == "hello" and spawn is not None and sender:
                spawn.probe.pid = sender  # the probe's pid as the kernel translated it for us
            elif message["kind"] == "started" and spawn is not None:
                self._by_worker_pid[message["pid"]] = spawn
                spawn.started = True
            elif message["kind"] == "exited":
                spawn = self._by_worker_pid.pop(message["pid"], None)
                if spawn is not None:
                    self._spawning.pop(spawn.id, None)
                    spawn.probe._set_exit(message["code"])
                    spawn.known.set()
                return
            if spawn is not None and spawn.probe.pid and spawn.started:
                spawn.known.set()

    def close(self) -> None:
        with self._lock:
            if self._sock is not None:
                self._sock.close()
                self._sock = None
            if self._process is not None:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(self._process.pid, signal.SIGKILL)
                self._process.wait()
                self._process = None


def _pid_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


# ---- the worker process ------------------------------------------------------


def serve() -> None:
    """Worker main loop: preload modules, then fork one probe per request and report exits."""
    control = socket.socket(fileno=int(os.environ.pop("LEARN_WORKER_CONTROL_FD")))
    confine = os.environ.pop("LEARN_WORKER_CONFINE", None)
    if confine is not None:
        from grader.sandbox import namespaces

        global ISOLATION
        ISOLATION = namespaces.enter_worker_namespaces(json.loads(confine))
    for name in filter(None, os.environ.pop("LEARN_WORKER_PRELOAD", "").split(",")):
        importlib.import_module(name)
    import grader.checks  # what every check module imports: the authoring API, once
    import grader.probe.main  # the probe's code, imported once before any fork

    gc.collect()  # the imports' garbage goes now, while the parent is busy starting up, never in a probe
    gc.freeze()

    if confine is not None:
        from grader.sandbox import namespaces

        namespaces.prepare_seccomp()  # built once here; each probe only loads it

    _become_subreaper()
    wake = _wake_on_child_exit()
    probes: set[int] = set()
    watched: list[socket.socket | int] = [control, wake]
    while True:
        readable, _, _ = select.select(watched, [], [], 0.05)
        if wake in readable:
            _drain(wake)
        if control in readable:
            try:
                data, fds, _, _ = socket.recv_fds(control, MAX_MESSAGE, 3)
            except OSError:
                data, fds = b"", []
            if not data:
                break  # the parent went away: so do we
            message = json.loads(data)
            for name in message["request"].get("needs", []):
                importlib.import_module(name)  # later forks inherit it
            grader.probe.main.prepare_guard()  # the namespaces as they are now, snapshot once for every fork
            # Everything alive now moves out of the collector's sight: a collection in the probe would otherwise
            # walk (and so write to, and copy) every page of torch's objects the fork shares with us.
            gc.freeze()
            pid = os.fork()
            if pid == 0:
                _become_probe(control, message, fds)
            probes.add(pid)
            for fd in fds:
                os.close(fd)
            control.send(json.dumps({"kind": "started", "id": message["id"], "pid": pid}).encode())
        _report_exits(control, probes)
    os._exit(0)


_WAKE_FDS: tuple[int, ...] = ()
#: what confines this worker's probes from the worker's start (grader.sandbox.namespaces); {} when not confined
ISOLATION: dict[str, str] = {}


def _wake_on_child_exit() -> int:
    """A pipe that becomes readable when a child exits, so exits are reported at once, not at the next tick."""
    global _WAKE_FDS
    read, write = os.pipe()
    for fd in (read, write):
        os.set_blocking(fd, False)
    _WAKE_FDS = (read, write)
    signal.set_wakeup_fd(write)
    signal.signal(signal.SIGCHLD, lambda *_: None)  # a handler, so the signal reaches the wakeup fd
    return read


def _drain(fd: int) -> None:
    try:
        while os.read(fd, 4096):
            pass
    except BlockingIOError:
        pass



def _report_exits(control: socket.socket, probes: set[int]) -> None:
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        if pid not in probes:
            continue  # a re-parented orphan, reaped
        probes.discard(pid)
        _kill_orphans(probes)
        try:
            control.send(json.dumps({"kind": "exited", "pid": pid, "code": os.waitstatus_to_exitcode(status)}).encode())
        except OSError:
            return


def _become_subreaper() -> None:
    """Orphans of our probes become our children instead of init's, so they can be found and killed."""
    prctl.become_child_subreaper()  # not Linux: process groups and sessions are all there is


def _kill_orphans(probes: set[int], rounds: int = 1000) -> None:
    """Kill and reap our children that are not probes and not in a running probe's session.

    A killed orphan's own children become ours as it dies, so look again
    until none is left.
    """
    for _ in range(rounds):
        orphans = [pid for pid, session in procfs.children(os.getpid()) if pid not in probes and session not in probes]
        if not orphans:
            return
        for pid in orphans:  # our children: their pids cannot be reused before we reap them
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass


def _become_probe(control: socket.socket, message: dict[str, Any], fds: list[int]) -> None:
    """In the forked child: detach from the worker, wire the pipes, run the probe, never return."""
    try:
        control.send(json.dumps({"kind": "hello", "id": message["id"]}).encode())  # our pid, from the kernel
        os.setsid()
        control.close()
        signal.set_wakeup_fd(-1)
        for fd in _WAKE_FDS:
            os.close(fd)
        channel, out, err = fds
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.dup2(out, 1)
        os.dup2(err, 2)
        for fd in (devnull, out, err):
            os.close(fd)
        _close_other_fds(keep=channel)  # no terminal, socket or file of the worker's reaches learner code
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGCHLD, signal.SIGPIPE):
            signal.signal(sig, signal.SIG_DFL)
        from grader.wire import ProbeRequest

        request = replace(ProbeRequest.from_json(message["request"]), worker_isolation=dict(ISOLATION))
        os.chdir(request.home)
        os.environ.update(HOME=request.home, TMPDIR=request.home)
        from grader.probe.main import run_cases

        with os.fdopen(channel, "wb", buffering=0) as stream:
            run_cases(request, stream)
        sys.stdout.flush()
        sys.stderr.flush()
        code = 0
    except BaseException:  # a bug in the grader's own probe code: say so on stderr
        import traceback

        traceback.print_exc()
        code = 70
    finally:
        os._exit(code if "code" in locals() else 70)


def _close_other_fds(keep: int) -> None:
    open_fds = procfs.open_fds()
    for fd in range(3, 1024) if open_fds is None else open_fds:
        if fd > 2 and fd != keep:
            with contextlib.suppress(OSError):
                os.close(fd)
