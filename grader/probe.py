"""The probe: the only process that runs learner code.

It is started by the runner (see `grader.runner`) with a JSON request on
stdin and a dedicated pipe for results. It applies resource limits, imports
the submitted file, runs each case of the exercise's suite on seeded inputs
and sends every result as a frame the moment it exists, so a later hang or
crash still leaves the earlier verdicts. It never compares anything: the
judge, in the parent process, decides.

The same code runs the reference solution, in a separate probe, so learner
code can never see expected values.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import random
import resource
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any, BinaryIO

from grader.record import encode_error, encode_value
from grader.wire import write_frame

SUBMISSION_MODULE = "submission"


def apply_limits(limits: dict[str, int]) -> None:
    """Bound memory, CPU time, file size and core dumps for this process and its children."""

    def cap(which: int, value: int) -> None:
        soft, hard = resource.getrlimit(which)
        if hard != resource.RLIM_INFINITY:
            value = min(value, hard)
        try:
            resource.setrlimit(which, (value, value if which != resource.RLIMIT_CPU else value + 1))
        except (ValueError, OSError):
            pass  # a stricter limit set by the host stays in force

    cap(resource.RLIMIT_CORE, 0)
    if limits.get("memory_mb"):
        cap(resource.RLIMIT_DATA, limits["memory_mb"] * 1024 * 1024)
    if limits.get("cpu_seconds"):
        cap(resource.RLIMIT_CPU, limits["cpu_seconds"])
    if limits.get("file_mb"):
        cap(resource.RLIMIT_FSIZE, limits["file_mb"] * 1024 * 1024)
    if limits.get("processes"):
        cap(resource.RLIMIT_NPROC, limits["processes"])


def seed_everything(seed: int) -> None:
    """Reset every random generator a case might use, so both probes see the same inputs."""
    import numpy as np
    import torch

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def load_submission(path: str) -> ModuleType:
    """Import the file at `path` as the module `submission`."""
    spec = importlib.util.spec_from_file_location(SUBMISSION_MODULE, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[SUBMISSION_MODULE] = module
    sys.path.append(str(Path(path).parent))
    spec.loader.exec_module(module)
    return module


def run_cases(request: dict[str, Any], channel: BinaryIO) -> None:
    """Import everything, then send one frame per case and a final `done` frame."""
    import torch

    for name in request.get("needs", []):
        importlib.import_module(name)
    suite = importlib.import_module(request["check_module"]).suite
    torch.set_num_threads(max(1, int(request.get("threads", 1))))
    path = request["file"]
    nonce = request["nonce"]

    apply_limits(request.get("limits", {}))
    started = time.perf_counter()
    try:
        module = load_submission(path)
    except BaseException as exc:  # SystemExit and KeyboardInterrupt are results too
        write_frame(channel, {"nonce": nonce, "kind": "import_error", "error": encode_error(exc, path)})
        write_frame(channel, {"nonce": nonce, "kind": "done"})
        return
    missing = [name for name in suite.names if not hasattr(module, name)]
    write_frame(
        channel,
        {"nonce": nonce, "kind": "imported", "seconds": time.perf_counter() - started, "missing": missing},
    )
    for case in suite.cases:
        write_frame(channel, {"nonce": nonce, "kind": "case", **run_one(case, module, path)})
    write_frame(channel, {"nonce": nonce, "kind": "done"})


def run_one(case: Any, module: ModuleType, path: str) -> dict[str, Any]:
    """Run one case and describe its outcome as data."""
    seed_everything(case.seed)
    started = time.perf_counter()
    try:
        value = case.run(module)
        encoded = encode_value(value)
    except BaseException as exc:
        encoded = encode_error(exc, path)
    return {"index": case.index, "value": encoded, "seconds": time.perf_counter() - started}


def main() -> None:
    """Entry point of a probe started as its own interpreter (no warm worker)."""
    request = json.loads(sys.stdin.read())
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    channel = os.fdopen(request["channel_fd"], "wb", buffering=0)
    try:
        run_cases(request, channel)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    # Skip interpreter shutdown: learner atexit hooks and threads must not
    # get a chance to run after the verdicts were sent.
    os._exit(0)


if __name__ == "__main__":
    main()
