"""The probe: the only process that runs learner code.

It is started by the runner (see `grader.engine.runner`) with a JSON request on
stdin and a dedicated pipe for results. It applies resource limits and, for
learner code, the sandbox (`grader.sandbox`), imports the submitted file,
runs each case of the exercise's suite on seeded inputs under the guard
(`grader.probe.guard`) and sends every result as a frame the moment it exists, so
a later hang or crash still leaves the earlier verdicts. It never compares
anything: the judge, in the parent process, decides.

The same code runs the reference solution, in a separate probe, so learner
code can never see expected values.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import json
import os
import random
import resource
import signal
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any, BinaryIO

from grader.probe.guard import Guard, WatchedModule, tamper_error
from grader.probe.record import encode_error, encode_value
from grader.sandbox import confine
from grader.wire import Frame, FrameKind, ProbeLimits, ProbeRequest, write_frame

SUBMISSION_MODULE = "submission"
#: open files a probe may hold at once
OPEN_FILES = 1024


def apply_limits(limits: ProbeLimits | None) -> None:
    """Bound memory, CPU time, file size, open files and core dumps for this process and its children."""

    def cap(which: int, value: int) -> None:
        _soft, hard = resource.getrlimit(which)
        if hard != resource.RLIM_INFINITY:
            value = min(value, hard)
        try:
            resource.setrlimit(which, (value, value if which != resource.RLIMIT_CPU else value + 1))
        except (ValueError, OSError):
            pass  # a stricter limit set by the host stays in force

    cap(resource.RLIMIT_CORE, 0)
    cap(resource.RLIMIT_NOFILE, OPEN_FILES)
    if limits is None:
        return
    if limits.memory_mb:
        memory = limits.memory_mb * 1024 * 1024
        cap(resource.RLIMIT_DATA, memory)
        if not gpu_driver_present():
            # RLIMIT_DATA misses shared mappings (mmap.mmap(-1, n)); the address space does not. Counted
            # from what is mapped now, because torch's libraries already take gigabytes of it.
            cap(resource.RLIMIT_AS, mapped_bytes() + memory)
    if limits.cpu_seconds:
        cap(resource.RLIMIT_CPU, limits.cpu_seconds)
    if limits.file_mb:
        cap(resource.RLIMIT_FSIZE, limits.file_mb * 1024 * 1024)


def gpu_driver_present() -> bool:
    """CUDA reserves huge address ranges, so an address-space limit is left out where a GPU may be used."""
    return os.path.exists("/dev/nvidiactl") or os.path.exists("/dev/kfd")


def mapped_bytes() -> int:
    """The address space this process has mapped (VmSize)."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as handle:
            for line in handle:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def prepare_process(home: str | None) -> None:
    """Make the process behave the same whoever forked it: temp files in its home, file limits as errors."""
    if home:
        tempfile.tempdir = home  # the worker may have cached /tmp before this probe was forked
    # Past RLIMIT_FSIZE a write fails with EFBIG (an exception learner code sees) instead of killing us.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


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


#: the guard's snapshot, taken by a warm worker before it forks (see `prepare_guard`); None in a fresh interpreter
_prepared_guard: Guard | None = None


def prepare_guard() -> None:
    """Snapshot the guarded namespaces now, in the worker, so each forked probe only adds its check module.

    Called again before each fork: the worker's own imports (a check's
    `needs`) become part of the picture; nothing of a learner's is ever in it.
    """
    global _prepared_guard
    if _prepared_guard is None:
        _prepared_guard = Guard()
    _prepared_guard.refresh()  # this module's own global changed just now: part of the picture too


def run_cases(request: ProbeRequest, channel: BinaryIO) -> None:
    """Import everything, then send one frame per case and a final `done` frame."""
    import torch

    for name in request.needs:
        importlib.import_module(name)
    suite = importlib.import_module(request.check_module).suite
    torch.set_num_threads(max(1, request.threads))
    path = request.file

    def send(frame: Frame) -> None:
        send_frame(channel, frame.to_json(request.nonce))

    prepare_process(request.home or None)
    apply_limits(request.limits)
    isolation = {**request.worker_isolation, **(confine(request.sandbox) if request.sandbox else {})}
    guard = _prepared_guard or Guard()
    guard.include((request.check_module, *request.needs))
    try:
        module = load_submission(path)
    except BaseException as exc:  # SystemExit and KeyboardInterrupt are results too
        changed = guard.check()
        send(Frame.import_error(tamper_error(changed) if changed else encode_error(exc, path)))
        send(Frame.done())
        return
    changed = guard.check()
    if changed:
        send(Frame.import_error(tamper_error(changed)))
        send(Frame.done())
        return
    send(Frame.imported([name for name in suite.names if not hasattr(module, name)], isolation))
    for case in suite.cases:
        send(run_one(case, module, path, guard))
    send(Frame.done())


def global_torch_state() -> dict[str, Any]:
    """The process-wide torch settings a learner's function can leave changed behind it."""
    import torch

    return {
        "grad mode": torch.is_grad_enabled(),
        "default dtype": str(torch.get_default_dtype()),
        "deterministic algorithms": torch.are_deterministic_algorithms_enabled(),
        "anomaly detection": torch.is_anomaly_enabled(),
        "inference mode": torch.is_inference_mode_enabled(),
        "default device": str(torch.get_default_device()),
    }


#: the state every case starts from (read once, when the probe starts)
_CLEAN_STATE: dict[str, Any] = {}


def restore_global_torch_state() -> list[str]:
    """Put torch's global settings back to how the probe started; returns the names of those that had changed.

    Each case starts clean, so one function that leaves grad mode off cannot
    make the next, correct one fail; the leak itself is reported on the case
    that caused it.
    """
    import torch

    if not _CLEAN_STATE:
        _CLEAN_STATE.update(global_torch_state())
        return []
    now = global_torch_state()
    leaked = [name for name, value in now.items() if value != _CLEAN_STATE[name]]
    # Only what changed is set back: some setters import large parts of torch on their first call.
    restore = {
        "grad mode": lambda: torch.set_grad_enabled(_CLEAN_STATE["grad mode"]),
        "default dtype": lambda: torch.set_default_dtype(getattr(torch, _CLEAN_STATE["default dtype"][6:])),
        "deterministic algorithms":
            lambda: torch.use_deterministic_algorithms(_CLEAN_STATE["deterministic algorithms"]),
        "anomaly detection": lambda: torch.autograd.set_detect_anomaly(_CLEAN_STATE["anomaly detection"]),
        "default device": lambda: torch.set_default_device(None),
    }
    for name in leaked:
        with contextlib.suppress(Exception):  # inference mode ends with its own context; nothing to call
            restore.get(name, lambda: None)()
    return leaked


def run_one(case: Any, module: ModuleType, path: str, guard: Guard | None = None) -> Frame:
    """Run one case and describe its outcome as data."""
    restore_global_torch_state()
    seed_everything(case.seed)
    try:
        with plain_tensor_semantics():
            value: Any = case.run(WatchedModule(module, guard) if guard is not None else module)
        failure = None
    except BaseException as exc:
        value, failure = None, exc
    leaked = restore_global_torch_state()  # before encoding: the encoder needs grad mode as it was
    changed = guard.check() if guard is not None else []
    if changed:  # checked before encoding, so the encoder runs on the restored originals
        encoded = tamper_error(changed)
    elif failure is not None:
        encoded = encode_error(failure, path)
    else:
        try:
            encoded = encode_value(value)
        except BaseException as exc:
            encoded = encode_error(exc, path)
    return Frame.case(case.index, encoded, leaked)  # its duration is measured by the parent's clock


@contextlib.contextmanager
def plain_tensor_semantics() -> Iterator[None]:
    """Run a case with tensor subclasses' `__torch_function__` and `__torch_dispatch__` switched off.

    A check may compute from what learner code returned (`torch.equal(by, 10 * bx)`);
    a tensor subclass from learner code must not be able to answer for torch.
    Both probes run cases the same way, so the reference sees the same semantics.
    """
    import torch

    with torch._C.DisableTorchFunctionSubclass(), torch._C._DisableTorchDispatch():
        yield


def send_frame(channel: BinaryIO, frame: dict[str, Any]) -> None:
    """Write a frame; a value JSON cannot carry (an int of 5000 digits) becomes an error record instead."""
    try:
        write_frame(channel, frame)
    except (ValueError, TypeError, RecursionError) as exc:
        if frame.get("kind") != FrameKind.CASE:
            raise
        write_frame(channel, {**frame, "value": encode_error(exc, "")})


def main() -> None:
    """Entry point of a probe started as its own interpreter (no warm worker)."""
    request = ProbeRequest.from_json(json.loads(sys.stdin.read()))
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    channel = os.fdopen(request.channel_fd, "wb", buffering=0)
    code = 70
    try:
        run_cases(request, channel)
        code = 0
    except BaseException:  # a bug in the grader's own probe code, or a channel learner code closed
        import traceback

        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        # Skip interpreter shutdown: learner atexit hooks and threads must not
        # get a chance to run after the verdicts were sent.
        os._exit(code)


if __name__ == "__main__":
    main()
