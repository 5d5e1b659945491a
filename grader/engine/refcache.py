"""Cached reference runs: the answer key is computed once, not on every check.

A reference run depends only on the solution file, the check module, the
grader's own code and the library versions, so its frames are cached under
a key made of all of those. The in-memory cache serves one command (a
`learn grade` run, a `learn watch` session); the disk cache serves the
next command on the same machine. A disk entry that is unreadable or does
not have the shape of a finished run is ignored and recomputed.

The disk cache is for a learner's own machine. Classroom grading
(`learn grade`) uses memory only, so one submission can never prepare the
answer key another is judged against.
"""

from __future__ import annotations

import hashlib
import json
import platform
import sys
import threading
from pathlib import Path

from grader import PACKAGE_DIR, settings
from grader.course.atomic import write_atomic
from grader.versions import installed
from grader.wire import Frame, FrameKind, ProbeRequest, ProbeRun, ProtocolError

CACHE_FORMAT = 2


def default_cache_dir() -> Path | None:
    """Where reference answers are kept on disk (see Settings.cache_dir); None: nowhere."""
    return settings.current().cache_dir


def _engine_fingerprint() -> str:
    digest = hashlib.sha256()
    # the whole package, every subpackage included: a change to the probe, the judge or a check
    # must invalidate every answer computed before it
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        digest.update(str(path.relative_to(PACKAGE_DIR)).encode() + b"\0" + path.read_bytes())
    for package in ("torch", "torchvision", "numpy", "scikit-learn"):
        digest.update(f"{package}={installed(package)};".encode())
    digest.update(f"{sys.version};{platform.machine()};{platform.system()}".encode())
    return digest.hexdigest()


_FINGERPRINT: str | None = None


def reference_key(solution: Path, check_module: Path, request: ProbeRequest) -> str:
    """Everything that could change the reference's answers, hashed."""
    global _FINGERPRINT
    if _FINGERPRINT is None:
        _FINGERPRINT = _engine_fingerprint()
    digest = hashlib.sha256(f"{CACHE_FORMAT};{_FINGERPRINT}".encode())
    digest.update(solution.read_bytes())
    digest.update(check_module.read_bytes())
    digest.update(json.dumps({"check_module": request.check_module, "needs": request.needs}, sort_keys=True).encode())
    return digest.hexdigest()


class ReferenceCache:
    """Finished reference runs by key, in memory and optionally on disk."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory
        self._memory: dict[str, ProbeRun] = {}
        self._flights: dict[str, threading.Lock] = {}
        self._flights_lock = threading.Lock()

    def flight(self, key: str) -> threading.Lock:
        """A lock per key: whoever holds it computes that reference; the others wait and read the cache."""
        with self._flights_lock:
            return self._flights.setdefault(key, threading.Lock())

    def get(self, key: str) -> ProbeRun | None:
        if key in self._memory:
            return self._memory[key]
        run = self._read_disk(key)
        if run is not None:
            self._memory[key] = run
        return run

    def put(self, key: str, run: ProbeRun) -> None:
        """Keep a run only if it is a clean, finished one."""
        if not _is_clean(run):
            return
        self._memory[key] = run
        if self.directory is not None:
            try:
                self.directory.mkdir(parents=True, exist_ok=True)
                frames = [frame.to_json(nonce="") for frame in run.frames]
                write_atomic(self.directory / f"{key}.json", json.dumps({"format": CACHE_FORMAT, "frames": frames}))
            except OSError:
                pass  # a read-only or full disk only costs speed

    def _read_disk(self, key: str) -> ProbeRun | None:
        if self.directory is None:
            return None
        try:
            data = json.loads((self.directory / f"{key}.json").read_text(encoding="utf-8"))
            if data.get("format") != CACHE_FORMAT:
                return None
            run = ProbeRun(frames=[Frame.from_json(frame) for frame in data["frames"]], returncode=0)
        except (OSError, ValueError, KeyError, TypeError, AttributeError, ProtocolError):
            return None
        return run if _is_clean(run) else None


def _is_clean(run: ProbeRun) -> bool:
    return run.finished and not run.timed_out and not run.protocol_error and run.frame(FrameKind.IMPORT_ERROR) is None
