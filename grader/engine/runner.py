"""Parent side of a probe run: spawn, feed, time, read, kill.

The timer lives here, never in the probe, because learner code can ignore
signals and alarms. When time is up (or the probe has printed more than its
output limit) the probe's whole process group and session are killed, so
grandchildren and threads go with it; a probe confined to a uid of its own
also loses every process of that uid (see `grader.sandbox`). Results arrive
on a dedicated pipe; the probe's stdout and stderr are only kept, trimmed,
to be shown to the learner.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from grader import bootstrap, sandbox
from grader.engine.worker import Worker
from grader.errors import Cancelled, LearnError
from grader.text.i18n import text
from grader.wire import Frame, FrameKind, FrameReader, Limits, ProbeRequest, ProbeRun, ProtocolError

OUTPUT_KEEP_BYTES = 8 * 1024
_BOOTSTRAP = bootstrap("from grader.probe.main import main; main()")


#: called in the collecting thread with each result frame as it arrives, for live progress
FrameCallback = Callable[[Frame], None]


class _Capped:
    """Keeps the first bytes of a stream and counts the rest."""

    def __init__(self, keep: int) -> None:
        self.data = bytearray()
        self.dropped = 0
        self._keep = keep

    @property
    def total(self) -> int:
        return len(self.data) + self.dropped

    def add(self, chunk: bytes) -> None:
        room = self._keep - len(self.data)
        self.data.extend(chunk[: max(room, 0)])
        self.dropped += max(len(chunk) - max(room, 0), 0)

    def text(self) -> str:
        out = self.data.decode(errors="replace")
        out = "".join(ch for ch in out if ch in "\n\t" or ch.isprintable())
        if self.dropped:
            out += f"\n… ({self.dropped} more bytes not shown)"
        return out


def probe_environment(home: str, threads: int) -> dict[str, str]:
    """A small allow-listed environment: no tokens or secrets reach learner code."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": home,
        "TMPDIR": home,
        "LANG": os.environ.get("LANG", "C.UTF-8"),
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONHASHSEED": "0",
        "OMP_NUM_THREADS": str(threads),
        "MKL_NUM_THREADS": str(threads),
        "OPENBLAS_NUM_THREADS": str(threads),
    }
    for name in ("CUDA_VISIBLE_DEVICES", "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
        if name in os.environ:
            env[name] = os.environ[name]
    return env


def run_probe(request: ProbeRequest, limits: Limits, worker: Worker | None = None, *,
              on_frame: FrameCallback | None = None, cancel: threading.Event | None = None) -> ProbeRun:
    """Run one probe to completion or until its time is up, and collect what it sent.

    Setting `cancel` kills the probe's process group at once and raises `Cancelled`;
    `on_frame` sees every accepted frame as it arrives.

    With a warm `worker` the probe is forked from it; otherwise a fresh
    interpreter is started (and pays the torch import itself). Every probe
    but the reference's (`request.confined` is False) runs learner code
    and is confined.
    """
    home = tempfile.mkdtemp(prefix="learn-probe-")
    try:
        plan = _confinement(home, request, worker)
        try:
            return _run_in(home, plan, request, limits, worker, on_frame, cancel)
        finally:
            sandbox.release(plan)  # before the home goes: nothing of the probe's may still run
    finally:
        remove_tree(home)


def remove_tree(path: str) -> None:
    """Remove a probe's home whatever it holds (a folder chain deeper than Python's recursion limit too)."""
    try:
        shutil.rmtree(path)
    except (OSError, RecursionError):
        subprocess.run(["rm", "-rf", "--one-file-system", "--", path], stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, timeout=120)


def _confinement(home: str, request: ProbeRequest, worker: Worker | None) -> sandbox.Plan | None:
    if not request.confined:
        return None
    # A confined worker's probes take namespaces of their own; so can a fresh interpreter where the host allows.
    namespaces = worker.confined if worker is not None else sandbox.namespaces_wanted()
    try:
        return sandbox.prepare(home, request.file, namespaces)
    except OSError as exc:
        raise LearnError(text("err_cannot_read", path=request.file, reason=exc.strerror)) from None


def _run_in(home: str, plan: sandbox.Plan | None, request: ProbeRequest, limits: Limits,
            worker: Worker | None, on_frame: FrameCallback | None = None,
            cancel: threading.Event | None = None) -> ProbeRun:
    nonce = secrets.token_hex(16)
    full_request = replace(
        request,
        file=plan.file if plan else request.file,
        sandbox=plan.to_request() if plan else None,
        nonce=nonce,
        home=home,
        limits=limits.for_probe(),
        threads=limits.threads,
    )
    channel_r, channel_w = os.pipe()
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    started = time.monotonic()
    try:
        if worker is not None:
            process: Any = worker.spawn(full_request, (channel_w, out_w, err_w))
            started = time.monotonic()  # the clock starts with the probe, not with the worker's torch import
        else:
            process = _start_interpreter(replace(full_request, channel_fd=channel_w), (channel_w, out_w, err_w), home,
                                         limits)
    except BaseException:
        for fd in (channel_r, out_r, err_r):
            os.close(fd)
        raise
    finally:
        for fd in (channel_w, out_w, err_w):
            os.close(fd)
    fds = {channel_r: "channel", out_r: "out", err_r: "err"}
    run = _collect(process, fds, nonce, started + limits.timeout, limits.output_mb * 1024 * 1024,
                   on_frame, cancel)
    run.seconds = time.monotonic() - started
    return run


def _start_interpreter(request: ProbeRequest, fds: tuple[int, int, int], home: str, limits: Limits) -> subprocess.Popen:
    channel_w, out_w, err_w = fds
    process = subprocess.Popen(
        [sys.executable, "-I", "-c", _BOOTSTRAP],
        stdin=subprocess.PIPE,
        stdout=out_w,
        stderr=err_w,
        pass_fds=(channel_w,),
        start_new_session=True,
        cwd=home,
        env=probe_environment(home, limits.threads),
    )
    assert process.stdin is not None
    try:
        process.stdin.write(json.dumps(request.to_json()).encode())
        process.stdin.close()
    except BrokenPipeError:
        pass
    return process


def _collect(process: Any, fds: dict[int, str], nonce: str, deadline: float, output_limit: int,
             on_frame: FrameCallback | None = None, cancel: threading.Event | None = None) -> ProbeRun:
    run = ProbeRun(clock=time.monotonic())
    streams = {"out": _Capped(OUTPUT_KEEP_BYTES), "err": _Capped(OUTPUT_KEEP_BYTES)}
    reader = FrameReader()
    selector = selectors.DefaultSelector()
    for fd, name in fds.items():
        selector.register(fd, selectors.EVENT_READ, name)
    try:
        while selector.get_map():
            if cancel is not None and cancel.is_set():
                break
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                run.timed_out = True
                break
            if process.poll() is not None and not _has_data(selector):
                break  # the probe is gone; a grandchild may still hold a pipe open
            for key, _ in selector.select(timeout=min(remaining, 0.2)):
                chunk = os.read(key.fd, 65536)
                if not chunk:
                    selector.unregister(key.fd)
                elif key.data == "channel":
                    _accept_frames(run, reader, chunk, nonce, on_frame)
                else:
                    streams[key.data].add(chunk)
            if run.protocol_error:
                break
            if sum(stream.total for stream in streams.values()) > output_limit:
                run.output_exceeded = True  # a print loop is stopped now, not at the timeout
                break
    finally:
        selector.close()
        _kill_group(process)
        for fd in fds:
            os.close(fd)
    if cancel is not None and cancel.is_set():
        raise Cancelled()
    run.returncode = process.returncode
    run.stdout, run.stderr = streams["out"].text(), streams["err"].text()
    if reader.pending and not run.protocol_error and not run.timed_out and run.finished:
        run.protocol_error = "the result channel ended in the middle of a frame"
    return run


def _has_data(selector: selectors.BaseSelector) -> bool:
    return bool(selector.select(timeout=0.05))


def _accept_frames(run: ProbeRun, reader: FrameReader, chunk: bytes, nonce: str,
                   on_frame: FrameCallback | None = None) -> None:
    try:
        frames = reader.feed(chunk)
    except ProtocolError as exc:
        run.protocol_error = str(exc)
        return
    for data in frames:
        if data.get("nonce") != nonce:
            run.protocol_error = "a result frame did not carry this run's secret"
            return
        if run.finished:
            run.protocol_error = "frames arrived after the final one"
            return
        try:
            frame = Frame.from_json(data)
        except ProtocolError as exc:
            run.protocol_error = str(exc)
            return
        if frame.kind == FrameKind.CASE and frame.index in run.case_frames():
            run.protocol_error = "a case was reported twice"
            return
        # Durations are the judge's own clock: the time since the previous frame, whatever the probe claims.
        now = time.monotonic()
        frame = replace(frame, seconds=round(now - run.clock, 6) if run.clock else 0.0)
        run.clock = now
        run.frames.append(frame)
        if on_frame is not None:
            on_frame(frame)


def _kill_group(process: Any) -> None:
    """Kill the probe and everything it started in its session, then reap it."""
    if process.pid <= 0:
        return  # never started: killpg(0) would hit the judge's own group
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        # The worker has not reported the exit yet (a loaded machine, or a process it cannot reap at once):
        # the group was sent SIGKILL and the cgroup and session sweeps below follow; never fail the run on it.
        process.kill()
    # A grandchild that moved to its own process group (setpgid) is still in the probe's session.
    sandbox.kill_session(process.pid)
