"""The warm `learn check` daemon: started by the first check, answering the next alike, confined alike, gone when told.

Every test that starts a daemon gives it a socket folder of its own
(LEARN_DAEMON_DIR) and stops it at the end; the rest of the suite runs with
LEARN_NO_DAEMON=1 (tests/conftest.py). Waits have generous bounds and
assert on what happened, never on how long it took.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
import uuid
from pathlib import Path

import pytest
from typer.testing import CliRunner

from grader import sandbox
from grader.cli.app import app
from grader.results import CaseResult, ExerciseResult
from grader.text.bilingual import T
from grader.usecases import daemon
from grader.usecases.daemon import CheckRequest
from tests.helpers import ROOT

pytestmark = pytest.mark.skipif(not daemon.wanted(current=daemon.settings.Settings(daemon_dir=Path("/"))),
                                reason="the daemon needs Linux (peer credentials, fork)")

runner = CliRunner()
SOLUTION = str(ROOT / "solutions" / "05_convolution" / "conv_output_size.py")
WRONG = "def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):\n    return 0\n"
#: seconds to wait for something that takes a few seconds on an idle machine (torch imports included)
PATIENCE = 300


def learn(*args: str):
    """`learn ARGS` in this process; a crash fails the test with its traceback, never as exit code 1."""
    result = runner.invoke(app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def wait_for(probe, what: str, seconds: float = PATIENCE):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = probe()
        if value:
            return value
        time.sleep(0.1)
    pytest.fail(f"gave up waiting for {what}")


def alive(pid: int) -> bool:
    return daemon._alive(pid)


def started_pids(where: daemon.Place) -> list[int]:
    """The daemons this folder's log says were started (ours, so ours to end)."""
    try:
        text = where.log.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    return [int(pid) for pid in re.findall(r"daemon (\d+) starting", text)]


def finish(where: daemon.Place) -> None:
    """Stop the folder's daemon; end any daemon of ours the stop did not reach, by its pid."""
    with contextlib.suppress(daemon.FolderRefused, OSError):
        os.chmod(where.folder, 0o700)
        daemon.stop(where)
    for pid in started_pids(where):
        if alive(pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
            wait_for(lambda pid=pid: not alive(pid), f"daemon {pid} to end", 60)
    shutil.rmtree(where.folder, ignore_errors=True)


@pytest.fixture
def daemon_place(monkeypatch):
    """A socket folder of this test's own (short: a socket's path has at most 107 bytes), the daemon on."""
    folder = Path(tempfile.mkdtemp(prefix="learn-daemon-"))
    monkeypatch.setenv("LEARN_DAEMON_DIR", str(folder))
    monkeypatch.delenv("LEARN_NO_DAEMON", raising=False)
    where = daemon.place()
    assert where is not None and where.folder == folder
    yield where
    finish(where)


def request_for(workspace: Path, file: str | None = None) -> CheckRequest:
    solutions = workspace / "solutions" if (workspace / "solutions").is_dir() else ROOT / "solutions"
    return CheckRequest(workspace, solutions, "conv_output_size", Path(file) if file else None, "en")


def comparable(output: str) -> dict:
    """A --json result without its timings."""
    data = json.loads(output)
    data.pop("seconds")
    for case in data["cases"]:
        case.pop("seconds")
    return data


def test_a_result_survives_its_json_round_trip():
    diff = {"shape": [2, 2], "index": [0, 1], "whole": True, "prefix": [], "row_start": 0, "col_start": 0,
            "expected": [["1", "2"], ["3", "4"]], "got": [["1", "0"], ["3", "4"]],
            "mismatch": [[False, True], [False, False]], "text_lines": 2}
    result = ExerciseResult("conv_output_size", "failed",
                            (CaseResult("a", True, 1, 1, seconds=0.5),
                             CaseResult(T("b", "乙"), False, 0, 2, T("wrong", "错了"), T("try", "试试"), diff=diff,
                                        visibility="hidden")),
                            message="m", stdout="out", stderr="err", seconds=1.25, file="/x.py", hints=("h1", "h2"),
                            notes=("n",), missing=False)
    data = json.loads(json.dumps(result.to_dict()))
    again = ExerciseResult.from_dict(data)
    assert again == result and again.cases[1].message == T("wrong", "错了")  # both languages travel
    assert again.to_dict() == result.to_dict()
    assert again.to_dict("zh")["cases"][1]["message"] == "错了"
    assert (again.score, again.max_score, again.passed) == (result.score, result.max_score, False)


def test_the_first_check_starts_the_daemon_which_answers_the_next_alike_and_stops_cleanly(tmp_workspace,
                                                                                            daemon_place):
    first = learn("check", "conv_output_size", "--json")
    assert first.exit_code == 1, first.output
    running = wait_for(lambda: daemon.status(daemon_place), "the daemon to listen")
    assert running.current and running.served == 0
    assert stat_mode(daemon_place.socket) == 0o600 and stat_mode(daemon_place.token) == 0o600

    second = learn("check", "conv_output_size", "--json")
    assert second.exit_code == 1, second.output
    assert daemon.status(daemon_place).served == 1  # the daemon answered, not this process
    assert comparable(second.output) == comparable(first.output)

    passed = learn("check", "conv_output_size", "--file", SOLUTION)
    assert passed.exit_code == 0, passed.output
    assert "all 9 checks passed" in passed.output
    assert daemon.status(daemon_place).served == 2

    # An error the check meets in the daemon is said as the check itself says it, with its exit code.
    (tmp_workspace / "exercises" / "05_convolution" / "conv_output_size.py").unlink()
    through = learn("check", "conv_output_size", "--lang", "zh")
    alone = learn("check", "conv_output_size", "--lang", "zh", "--no-daemon")
    assert through.exit_code == alone.exit_code == 2
    assert through.output == alone.output and "learn reset conv_output_size" in through.output

    # The `learn` script connects early only where the daemon may answer.
    assert daemon.connect_early(["learn", "check", "--no-daemon"]) is False
    assert daemon.connect_early(["learn", "check"]) is True
    daemon._early.close()
    daemon._early = None

    status = learn("daemon", "status")
    assert status.exit_code == 0 and f"pid {running.pid}" in status.output and "PSS" in status.output
    tree = {running.pid, *daemon.descendants(running.pid)}
    assert len(tree) >= 3  # the daemon and its two workers
    stopped = learn("daemon", "stop")
    assert stopped.exit_code == 0 and f"stopped the daemon (pid {running.pid})" in stopped.output
    assert not [pid for pid in tree if alive(pid)]
    assert not daemon_place.socket.exists() and not daemon_place.token.exists()
    assert "not running" in learn("daemon", "status").output
    assert "no daemon was running" in learn("daemon", "stop").output


def stat_mode(path: Path) -> int:
    return os.stat(path).st_mode & 0o777


def test_a_socket_folder_others_may_enter_is_refused(tmp_workspace, daemon_place):
    from grader.usecases.doctor import daemon_finding

    os.chmod(daemon_place.folder, 0o755)
    with pytest.raises(daemon.FolderRefused):
        daemon.secure_folder(daemon_place.folder, create=True)
    assert daemon.run_check_via_daemon(request_for(tmp_workspace)) is None  # the caller checks itself
    assert os.listdir(daemon_place.folder) == []  # no daemon, no socket, no log
    finding = daemon_finding()
    assert not finding.ok and finding.fix is not None and "chmod 700" in finding.fix.en
    if os.geteuid() == 0:  # another user's folder, however closed, is refused too
        os.chmod(daemon_place.folder, 0o700)
        os.chown(daemon_place.folder, 65534, 65534)
        with pytest.raises(daemon.FolderRefused):
            daemon.secure_folder(daemon_place.folder, create=False)
        os.chown(daemon_place.folder, 0, 0)
    link = daemon_place.folder.parent / f"{daemon_place.folder.name}-link"
    link.symlink_to(daemon_place.folder)
    try:
        with pytest.raises(daemon.FolderRefused):
            daemon.secure_folder(link, create=False)
    finally:
        link.unlink()


def test_a_daemon_that_cannot_start_only_costs_speed(tmp_workspace, daemon_place, monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError(24, "Too many open files")

    monkeypatch.setattr(daemon.subprocess, "Popen", refuse)
    assert daemon.run_check_via_daemon(request_for(tmp_workspace)) is None  # the caller checks itself, no error


def test_a_daemon_of_another_identity_is_replaced(tmp_workspace, daemon_place, monkeypatch):
    daemon.start(daemon_place)
    old = wait_for(lambda: daemon.status(daemon_place), "the daemon to listen")
    assert old.current
    real_identity = daemon.identity
    monkeypatch.setattr(daemon, "identity", lambda environ=None: "another version of the grader")
    assert daemon.run_check_via_daemon(request_for(tmp_workspace)) is None  # stale: the caller checks itself
    monkeypatch.setattr(daemon, "identity", real_identity)
    wait_for(lambda: not alive(old.pid), "the stale daemon to exit")

    def replacement():
        running = daemon.status(daemon_place)
        return running if running is not None and running.pid != old.pid else None

    new = wait_for(replacement, "a fresh daemon")
    assert new.current and new.served == 0


def test_an_idle_daemon_exits_with_its_workers_and_removes_its_socket(daemon_place):
    daemon.start(daemon_place, idle=2.0)
    pid = wait_for(lambda: started_pids(daemon_place), "the daemon to start")[0]
    wait_for(lambda: "listens" in daemon_place.log.read_text(), "the daemon to listen")
    tree = {pid, *daemon.descendants(pid)}
    wait_for(lambda: not [p for p in tree if alive(p)], "the idle daemon and its workers to exit")
    assert f"daemon {pid} idle for" in daemon_place.log.read_text()
    assert not daemon_place.socket.exists() and not daemon_place.token.exists()


def test_a_socket_left_by_a_dead_daemon_is_replaced_and_sigterm_ends_the_daemon_at_once(daemon_place):
    left = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    left.bind(str(daemon_place.socket))  # a socket file nobody listens on, as a killed daemon leaves it
    left.close()
    assert daemon.status(daemon_place) is None
    daemon.start(daemon_place)
    running = wait_for(lambda: daemon.status(daemon_place), "the daemon to listen on a fresh socket")
    tree = {running.pid, *daemon.descendants(running.pid)}
    os.kill(running.pid, signal.SIGTERM)
    wait_for(lambda: not [pid for pid in tree if alive(pid)], "the daemon and its workers to exit on SIGTERM")
    assert not daemon_place.socket.exists() and not daemon_place.token.exists()


def test_no_daemon_option_and_environment_start_nothing(tmp_workspace, daemon_place, monkeypatch):
    result = learn("check", "conv_output_size", "--file", SOLUTION, "--no-daemon")
    assert result.exit_code == 0, result.output
    assert os.listdir(daemon_place.folder) == []
    monkeypatch.setenv("LEARN_NO_DAEMON", "1")
    assert not daemon.wanted()
    result = learn("check", "conv_output_size", "--file", SOLUTION)
    assert result.exit_code == 0, result.output
    assert os.listdir(daemon_place.folder) == []
    assert daemon.connect_early(["learn", "check"]) is False


# ---- hostile submissions graded through the daemon: confined exactly as without it -----------------------


CANARY = f"canary-{uuid.uuid4().hex}"


@pytest.fixture(scope="module")
def served():
    """One daemon for the hostile submissions, its folder where the real default is (the home), its environment
    holding a canary; stopped at the end."""
    cache = Path.home() / ".cache"
    parent = cache if cache.is_dir() and os.access(cache, os.W_OK) else None
    folder = Path(tempfile.mkdtemp(prefix="learn-daemon-test-", dir=parent))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LEARN_DAEMON_DIR", str(folder))
        patch.delenv("LEARN_NO_DAEMON", raising=False)
        patch.setenv("LEARN_TEST_DAEMON_CANARY", CANARY)  # in the daemon's own environment
        where = daemon.place()
        assert where is not None
        try:
            daemon.start(where)
            wait_for(lambda: daemon.status(where), "the daemon to listen")
            yield where
        finally:
            finish(where)


def hostile(where: daemon.Place, workspace: Path, code: str) -> dict:
    """Grade learner code that tries `code` at import time through the daemon; its --json result."""
    before = daemon.status(where)
    assert before is not None
    path = workspace / "hostile.py"
    path.write_text("import os, sys, socket, ctypes\ntry:\n" + textwrap.indent(textwrap.dedent(code), "    ")
                    + "\nexcept Exception as exc:\n    print('REFUSED', type(exc).__name__, exc)\n" + WRONG)
    result = learn("check", "conv_output_size", "--file", str(path), "--json")
    assert result.exit_code == 1, result.output
    after = daemon.status(where)
    assert after is not None and after.pid == before.pid and after.served == before.served + 1  # through it
    return json.loads(result.output)


def said(result: dict) -> str:
    return "\n".join([result["stdout"], result["stderr"], result["message"]]
                     + [case["message"] + case["hint"] for case in result["cases"]])


def test_through_the_daemon_its_environment_and_the_judges_stay_secret(served, tmp_workspace):
    result = hostile(served, tmp_workspace, """
        found = []
        for pid in os.listdir('/proc'):
            if pid.isdigit():
                try:
                    found.append(open(f'/proc/{pid}/environ', 'rb').read().decode(errors='replace'))
                except OSError:
                    pass
        print('ENV', ' '.join(found))
    """)
    assert not result["passed"]
    assert CANARY not in said(result)


@pytest.mark.skipif(not sandbox.namespaces_wanted(), reason=f"this host refuses namespaces: {sandbox.describe()}")
def test_through_the_daemon_shared_memory_and_temporary_files_die_with_the_probe(served, tmp_workspace):
    marker = f"learn-escape-{uuid.uuid4().hex[:8]}"
    result = hostile(served, tmp_workspace, f"""
        for path in ('/dev/shm/{marker}', '/tmp/{marker}'):
            try:
                open(path, 'w').write('x' * 1000)
            except OSError as exc:
                print('NOT WRITTEN', path, exc)
    """)
    assert not result["passed"]
    assert not os.path.exists(f"/dev/shm/{marker}") and not os.path.exists(f"/tmp/{marker}")


def test_through_the_daemon_the_reference_solutions_are_out_of_reach(served, tmp_workspace):
    result = hostile(served, tmp_workspace, """
        import glob, sysconfig
        places = [os.path.join(os.path.dirname(os.path.dirname(__import__('grader').__file__)), 'solutions')]
        places += [os.path.join(sys.prefix, 'share', 'learn-pytorch', 'solutions')]
        for place in places:
            for path in glob.glob(place + '/*/conv_output_size.py'):
                print('STOLE', path, open(path).read()[:20])
    """)
    assert "STOLE" not in result["stdout"], result["stdout"]


def test_a_probe_cannot_reach_the_daemon_or_its_token(served, tmp_workspace):
    result = hostile(served, tmp_workspace, f"""
        try:
            print('STOLE TOKEN', open({str(served.token)!r}).read())
        except OSError as exc:
            print('NO TOKEN', exc)
        client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        client.settimeout(5)
        try:
            client.connect({str(served.socket)!r})
            client.sendall(b'{{"op": "stop", "token": "", "identity": ""}}\\n')
            print('REACHED', client.recv(100))
        except OSError as exc:
            print('NOT REACHED', exc)
    """)
    assert "STOLE TOKEN" not in result["stdout"] and "REACHED b'{" not in result["stdout"], result["stdout"]
    assert daemon.status(served) is not None  # still there, still answering


@pytest.mark.skipif(not sandbox.namespaces_wanted(), reason=f"this host refuses namespaces: {sandbox.describe()}")
def test_a_peer_in_another_user_namespace_is_dropped_even_with_the_token(served):
    """What a confined probe would be, had it reached the socket and read the token: the kernel says where it is."""
    code = textwrap.dedent(f"""
        import json, socket, sys
        from grader.sandbox import namespaces
        namespaces.unshare(namespaces.CLONE_NEWUSER)
        client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        client.settimeout(60)
        client.connect({str(served.socket)!r})
        try:
            client.sendall(json.dumps({{"op": "status", "token": sys.argv[1], "identity": ""}}).encode() + b"\\n")
            print("ANSWER", client.recv(1000))
        except OSError as exc:
            print("DROPPED", exc)
    """)
    token = served.token.read_text().strip()
    out = subprocess.run([sys.executable, "-c", code, token], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert "ANSWER b''" in out.stdout or "DROPPED" in out.stdout, out.stdout + out.stderr
    assert "refused a peer in another user namespace" in served.log.read_text()


def test_ctrl_c_in_a_check_the_daemon_runs_stops_its_probe(served, tmp_workspace):
    """The client's SIGINT says "interrupted" and exits 130; its dropped connection stops the probe in the daemon."""
    looping = tmp_workspace / "looping.py"
    looping.write_text("def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):\n"
                       "    while True:\n        pass\n")
    assert learn("check", "conv_output_size", "--file", SOLUTION).exit_code == 0  # its workers run now
    before = daemon.status(served)
    assert before is not None and before.served
    workers = daemon.descendants(before.pid)
    client = subprocess.Popen([sys.executable, "-m", "grader", "check", "conv_output_size", "--file", str(looping)],
                              cwd=tmp_workspace, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(lambda: daemon.status(served).busy and daemon.descendants(before.pid) - workers,
                 "the daemon to run the probe")
        client.send_signal(signal.SIGINT)
        out, err = client.communicate(timeout=PATIENCE)
    finally:
        if client.poll() is None:
            client.kill()
            client.wait()
    assert client.returncode == 130 and err.strip().endswith("interrupted"), out + err
    wait_for(lambda: not daemon.status(served).busy, "the daemon to stop the check")
    assert not [pid for pid in daemon.descendants(before.pid) - workers if alive(pid)]  # no probe left
    assert daemon.status(served).pid == before.pid  # and the daemon serves on
