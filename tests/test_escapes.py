"""Learner code that tries to act outside its probe: each test checks the side effect, not only the verdict.

A hostile submission here tries to reach the terminal, the judge's
environment, the network, other processes, shared memory, the reference
solutions or the judge's own data structures. The verdict must be a failure,
and the test looks at the world afterwards: a listener that must have
received nothing, /dev/shm and SysV IPC unchanged, a terminal with nothing
typed into it, a canary that never appears in what the probe sent.
"""

from __future__ import annotations

import json
import math
import os
import pty
import select
import socket
import subprocess
import sys
import textwrap
import uuid
from dataclasses import replace
from pathlib import Path

import pytest

from grader import sandbox
from grader.wire import Frame, FrameKind, ProbeRun
from tests.helpers import ROOT, failure_text

CORRECT = "def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):\n" \
          "    return (size + 2 * padding - dilation * (kernel_size - 1) - 1) // stride + 1\n"
WRONG = "def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):\n    return 0\n"

needs_namespaces = pytest.mark.skipif(not sandbox.namespaces_wanted(),
                                      reason=f"this host refuses namespaces: {sandbox.describe()}")


def attempt(code: str) -> str:
    """Learner code that tries `code` at import time, reports what happened on stdout, then answers wrongly."""
    return "import os, sys, socket, ctypes\ntry:\n" + textwrap.indent(textwrap.dedent(code), "    ") + \
        "\nexcept Exception as exc:\n    print('REFUSED', type(exc).__name__, exc)\n" + WRONG


def test_the_judges_environment_stays_secret(grade_source, monkeypatch):
    canary = f"canary-{uuid.uuid4().hex}"
    monkeypatch.setenv("LEARN_TEST_CANARY", canary)
    result = grade_source("conv_output_size", attempt("""
        found = []
        for pid in os.listdir('/proc'):
            if pid.isdigit():
                try:
                    found.append(open(f'/proc/{pid}/environ', 'rb').read().decode(errors='replace'))
                except OSError:
                    pass
        print('ENV', ' '.join(found))
        print('SHADOW', open('/etc/shadow').read()[:200])
    """))
    assert not result.passed
    assert canary not in result.stdout + result.stderr + failure_text(result)
    assert "root:" not in result.stdout


@needs_namespaces
def test_no_network_at_all_udp_and_unix_sockets_included(grade_source, tmp_path):
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    udp.bind(("127.0.0.1", 0))
    udp.setblocking(False)
    udp_address = udp.getsockname()
    listener_path = f"/tmp/learn-escape-{uuid.uuid4().hex[:8]}.sock"
    unix = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    unix.bind(listener_path)
    unix.listen(1)
    unix.setblocking(False)
    try:
        result = grade_source("conv_output_size", attempt(f"""
            for attempt in (lambda: socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'x', {udp_address!r}),
                            lambda: socket.socket(socket.AF_UNIX).connect({listener_path!r}),
                            lambda: socket.create_connection(('127.0.0.1', 22), timeout=1),
                            lambda: socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP),
                            lambda: socket.socket(17, socket.SOCK_RAW, 0)):
                try:
                    attempt()
                    print('REACHED')
                except OSError as exc:
                    print('REFUSED', exc)
        """))
        assert not result.passed
        assert "REACHED" not in result.stdout, result.stdout
        with pytest.raises(BlockingIOError):
            udp.recvfrom(10)
        with pytest.raises(BlockingIOError):
            unix.accept()
    finally:
        udp.close()
        unix.close()
        os.unlink(listener_path)


def _sysv_segments() -> set[str]:
    try:
        lines = Path("/proc/sysvipc/shm").read_text().splitlines()[1:]
    except OSError:
        return set()
    return {line.split()[1] for line in lines if line.split()}


@needs_namespaces
def test_shared_memory_and_temporary_files_die_with_the_probe(grade_source):
    marker = f"learn-escape-{uuid.uuid4().hex[:8]}"
    before = _sysv_segments()
    result = grade_source("conv_output_size", attempt(f"""
        for path in ('/dev/shm/{marker}', '/tmp/{marker}'):
            try:  # a fresh tmpfs of the probe's own, or refused where /tmp holds the grader (a CI clone)
                open(path, 'w').write('x' * 1000)
            except OSError as exc:
                print('NOT WRITTEN', path, exc)
        libc = ctypes.CDLL(None, use_errno=True)
        print('SHMID', libc.shmget(0x4C45, 1 << 20, 0o1666))  # IPC_CREAT | 0666
    """))
    assert not result.passed
    assert "SHMID" in result.stdout and "REFUSED" not in result.stdout, result.stdout
    assert not os.path.exists(f"/dev/shm/{marker}")
    assert not os.path.exists(f"/tmp/{marker}")
    assert _sysv_segments() == before


def test_no_other_process_can_be_limited_or_traced(grade_source):
    result = grade_source("conv_output_size", attempt("""
        import resource
        hit = []
        for pid in [int(p) for p in os.listdir('/proc') if p.isdigit()] + [os.getppid(), 1]:
            if pid == os.getpid():
                continue
            try:
                resource.prlimit(pid, resource.RLIMIT_AS, (1 << 20, 1 << 20))
                hit.append(pid)
            except (OSError, ValueError):
                pass
        libc = ctypes.CDLL(None, use_errno=True)
        traced = [pid for pid in (1, os.getppid()) if pid > 0 and libc.ptrace(16, pid, 0, 0) == 0]  # PTRACE_ATTACH
        print('LIMITED', hit, 'TRACED', traced)
    """))
    assert not result.passed
    assert "LIMITED [] TRACED []" in result.stdout, result.stdout
    # The engine (workers and the judge) still works for the next submission.
    assert grade_source("conv_output_size", CORRECT).passed


def test_the_reference_solutions_are_out_of_reach(grade_source):
    result = grade_source("conv_output_size", attempt("""
        import glob, sysconfig
        places = [os.path.join(os.path.dirname(os.path.dirname(__import__('grader').__file__)), 'solutions')]
        places += [os.path.join(sys.prefix, 'share', 'learn-pytorch', 'solutions')]
        places += [os.path.join(sysconfig.get_paths()['data'], 'share', 'learn-pytorch', 'solutions')]
        for place in places:
            for path in glob.glob(place + '/*/conv_output_size.py'):
                exec(open(path).read(), globals())
                print('STOLE', path)
    """).replace(WRONG, "") + "conv_output_size = globals().get('conv_output_size') or (lambda *a, **k: 0)\n")
    assert "STOLE" not in result.stdout, result.stdout
    assert not result.passed


def test_text_from_a_probe_is_made_safe_and_every_format_can_write_it(grade_source):
    result = grade_source("conv_output_size", """
        import time
        time.perf_counter = lambda: float('nan')
        def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
            raise ValueError('bad \\ud800 value \\x1b[2J\\x1b[1;1H\\u2713 all 9 checks passed')
    """)
    assert not result.passed
    text = failure_text(result)
    assert "\x1b" not in text and "\ud800" not in text
    json.dumps([case.message.en for case in result.cases]).encode("utf-8")
    json.dumps(result.to_dict()).encode("utf-8")  # both languages
    assert all(math.isfinite(case.seconds) for case in result.cases)
    assert math.isfinite(result.seconds)


def test_a_deep_folder_chain_in_the_home_is_cleaned_up(grade_source):
    result = grade_source("conv_output_size", attempt("""
        path = os.getcwd()
        for _ in range(1500):
            path = os.path.join(path, 'd')
            os.mkdir(path)
        print('DEEP', path.count('/'))
    """))
    assert not result.passed
    leftovers = [p for p in Path(os.environ.get("TMPDIR", "/tmp")).glob("learn-probe-*")]
    assert not any((p / "d").exists() for p in leftovers)


def test_a_forged_run_without_values_never_passes(workspace, catalog):
    """The judge rule: a learner record must carry every piece of evidence the reference's carries."""
    from grader.engine.engine import shared_engine
    from grader.judge.verdict import judge
    from grader.usecases.check import load_suite
    from grader.wire import Limits, ProbeRequest

    exercise = catalog.get("reshape_squeeze_cat")
    suite = load_suite(exercise)
    request = ProbeRequest(exercise.check_module, str(workspace.solution_path(exercise)), suite.needs, confined=False)
    reference = shared_engine().run(request, Limits(timeout=120))
    assert reference.finished

    def strip(value):
        if isinstance(value, dict):
            return {key: (None if key == "data" else strip(item)) for key, item in value.items()}
        if isinstance(value, list):
            return [strip(item) for item in value]
        return value

    def carries_values(value) -> bool:
        if isinstance(value, dict):
            return value.get("data") is not None or any(carries_values(item) for item in value.values())
        return isinstance(value, list) and any(carries_values(item) for item in value)

    with_values = {frame.index for frame in reference.frames if frame.kind == FrameKind.CASE
                   and carries_values(frame.value)}
    assert len(with_values) >= 5  # the exercise returns tensors: the rule has something to prove
    forged = ProbeRun(frames=[replace(frame, value=strip(frame.value)) for frame in reference.frames], returncode=0)
    result = judge(suite, forged, reference, Limits(), exercise.points)
    passed_without_values = [case.name.en for index, case in enumerate(result.cases)
                             if case.passed and index in with_values]
    assert passed_without_values == []
    assert "did not reach the grader" in failure_text(result)
    unknown = ProbeRun(frames=[*reference.frames[:-1], Frame.case(999, 1), reference.frames[-1]], returncode=0)
    assert not judge(suite, unknown, reference, Limits(), exercise.points).passed


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pseudo-terminals and TIOCSTI are Linux here")
def test_nothing_is_typed_into_the_graders_terminal(tmp_path):
    """Run `learn check` on a pseudo-terminal, as a learner would; the submission tries TIOCSTI everywhere."""
    submission = tmp_path / "conv_output_size.py"
    submission.write_text(attempt("""
        import fcntl, glob, termios
        for path in glob.glob('/dev/pts/*') + ['/dev/tty', '/dev/console'] + glob.glob('/proc/*/fd/*'):
            try:
                fd = os.open(path, os.O_WRONLY | os.O_NOCTTY)
            except OSError:
                continue
            try:
                for ch in 'echo PWNED\\n':
                    fcntl.ioctl(fd, termios.TIOCSTI, ch.encode())
                print('TYPED INTO', path)
            except OSError:
                pass
            finally:
                os.close(fd)
    """), encoding="utf-8")
    master, slave = pty.openpty()
    learn = Path(sys.executable).with_name("learn")
    command = [str(learn)] if learn.exists() else [sys.executable, "-m", "grader"]
    process = subprocess.Popen([*command, "check", "conv_output_size", "--file", str(submission)],
                               stdin=slave, stdout=slave, stderr=slave, cwd=ROOT, start_new_session=True,
                               env={**os.environ, "LEARN_NO_DISK_CACHE": "1"})
    os.close(slave)
    output = b""
    while True:
        ready, _, _ = select.select([master], [], [], 600)
        if not ready:
            process.kill()
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    process.wait(timeout=60)
    os.close(master)
    assert b"TYPED INTO" not in output, output.decode(errors="replace")[-2000:]
    assert b"PWNED" not in output, output.decode(errors="replace")[-2000:]  # typed input would be echoed


def test_a_model_that_copies_the_test_labels_from_the_check_earns_no_accuracy(workspace, catalog):
    """digits_cnn: no test label is alive in the learner's process; the judge counts against the reference's."""
    from grader.usecases.check import grade_file

    exercise = catalog.get("digits_cnn")
    path = Path(__file__).parent / "hostile" / "labels_from_the_checks_frame.py"
    result = grade_file(exercise, path, workspace.solution_path(exercise), timeout=120)
    accuracy = next(case for case in result.cases if "90% accuracy" in case.name.en)
    assert not accuracy.passed and "90% is needed" in accuracy.message.en
