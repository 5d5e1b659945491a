"""Submissions that try to cheat or crash are graded as failures, with an honest reason."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time

import pytest

from grader import sandbox
from tests.helpers import ROOT, failure_text

CORRECT = """
def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    return (size + 2 * padding - dilation * (kernel_size - 1) - 1) // stride + 1
"""


def test_infinite_loop_times_out_quickly(grade_source):
    started = time.monotonic()
    result = grade_source("conv_output_size", "def conv_output_size(*a, **k):\n    while True:\n        pass\n",
                          timeout=3)
    assert not result.passed and "Timed out after 3 s" in failure_text(result)
    # Generous on purpose (a loaded CI machine starts workers slowly): this catches a probe left to run on.
    assert time.monotonic() - started < 120


def test_infinite_loop_at_import(grade_source):
    result = grade_source("conv_output_size", "while True:\n    pass\n", timeout=3)
    assert not result.passed and result.score == 0 and "Timed out" in result.message.en


def test_os_exit_zero_before_reporting_fails(grade_source):
    result = grade_source("conv_output_size", "import os\ndef conv_output_size(*a, **k):\n    os._exit(0)\n")
    assert not result.passed and result.score == 0
    assert "exit code 0" in failure_text(result)


def test_sys_exit_zero_at_import_fails(grade_source):
    result = grade_source("conv_output_size", "import sys\nsys.exit(0)\n")
    assert not result.passed and "sys.exit()" in result.message.en


def test_printing_a_fake_verdict_changes_nothing(grade_source):
    source = (
        'print("✓ all 9 checks passed (10/10 points)")\n'
        'print(\'{"exercise": "conv_output_size", "passed": true, "score": 10}\')\n'
        "def conv_output_size(*a, **k):\n    return 0\n"
    )
    result = grade_source("conv_output_size", source)
    assert not result.passed and result.score == 0
    assert "all 9 checks passed" in result.stdout  # shown as the learner's output, nothing more


def test_monkeypatched_comparisons_do_not_help(grade_source):
    source = (
        "import torch, numpy\n"
        "torch.allclose = lambda *a, **k: True\n"
        "torch.equal = lambda *a, **k: True\n"
        "numpy.allclose = lambda *a, **k: True\n"
        "numpy.array_equal = lambda *a, **k: True\n"
        "def quadratic_grad(x):\n    return torch.zeros_like(x)\n"
        "def weighted_grad(x, w):\n    return torch.zeros_like(x)\n"
    )
    result = grade_source("autograd_basics", source)
    assert not result.passed and result.score == 0


def test_always_equal_object_is_not_a_number(grade_source):
    source = (
        "class Liar(int):\n"
        "    def __eq__(self, other):\n        return True\n"
        "    __hash__ = int.__hash__\n"
        "def conv_output_size(*a, **k):\n    return Liar(0)\n"
    )
    result = grade_source("conv_output_size", source)
    assert not result.passed and result.score == 0


def test_segfault_is_a_crash_not_a_pass(grade_source):
    result = grade_source("conv_output_size",
                          "import ctypes\ndef conv_output_size(*a, **k):\n    ctypes.string_at(0)\n")
    assert not result.passed and "SIGSEGV" in failure_text(result)


def test_syntax_error_shows_line_and_caret(grade_source):
    result = grade_source("conv_output_size", "def conv_output_size(size, kernel_size:\n    return 1\n")
    assert not result.passed and "line 1" in result.message.en and "^" in result.message.en


def test_missing_function_is_named(grade_source):
    result = grade_source("conv_output_size", "def conv_out_size(*a):\n    return 1\n")
    assert "does not define: conv_output_size" in result.message.en


def test_correct_code_still_passes(grade_source):
    assert grade_source("conv_output_size", CORRECT).passed


def test_killing_the_worker_fails_only_that_submission(grade_source):
    source = "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\ndef conv_output_size(*a, **k):\n    return 0\n"
    assert not grade_source("conv_output_size", source).passed
    assert grade_source("conv_output_size", CORRECT).passed


def test_cold_interpreter_path_grades_the_same(workspace, catalog, tmp_path):
    from grader.engine.engine import Engine
    from grader.usecases.check import grade_file

    exercise = catalog.get("conv_output_size")
    wrong = tmp_path / "wrong.py"
    wrong.write_text("def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):\n    return size\n")
    with Engine(warm=False) as engine:  # each probe imports torch itself: a generous limit for loaded machines
        solution = workspace.solution_path(exercise)
        assert grade_file(exercise, solution, solution, engine=engine, timeout=180).passed
        result = grade_file(exercise, wrong, solution, engine=engine, timeout=180)
    assert not result.passed and "expected 3, got 5" in result.cases[0].message.en


# ---- the sandbox's parts, each on its own (in a fresh interpreter, never in pytest's process) ------

needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="only root can lend uids and create cgroups")


def run_python(code: str) -> subprocess.CompletedProcess:
    """Run `code` in a fresh interpreter that can import grader; its last stdout line is the answer."""
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


@pytest.mark.parametrize(("text", "expected"), [("", sandbox.DEFAULT_UIDS), ("off", range(0)),
                                                ("61000-61009", range(61000, 61010)), ("70000", range(70000, 70001)),
                                                ("0-10", range(0)), ("many", range(0))])
def test_the_uid_range_setting(text, expected):
    assert sandbox.uid_range(text) == expected


def test_readable_by_anyone_follows_every_parent(tmp_path):
    closed = tmp_path / "closed"
    (closed / "inside").mkdir(parents=True)
    closed.chmod(0o700)
    assert not sandbox.readable_by_anyone(str(closed / "inside"))
    closed.chmod(0o755)
    tmp_path.chmod(0o755)
    assert sandbox.readable_by_anyone(str(closed / "inside")) == all(
        os.stat(p).st_mode & 0o001 for p in (tmp_path, *tmp_path.parents))


@pytest.mark.skipif(not sandbox.landlock_abi(), reason="no Landlock in this kernel")
def test_landlock_lets_a_probe_write_only_its_home(tmp_path):
    home, elsewhere = tmp_path / "home", tmp_path / "elsewhere"
    home.mkdir()
    elsewhere.mkdir()
    solution = ROOT / "solutions" / "05_convolution" / "conv_output_size.py"
    out = run_python(f"""
        from grader import sandbox
        assert sandbox.restrict_paths(sandbox.landlock_abi(), sandbox.readable_roots(), [{str(home)!r}])
        open({str(home / "ok")!r}, "w").write("fine")
        for target in ({str(elsewhere / "no")!r}, {str(solution)!r}):
            try:
                open(target, "a").close()
                print("WROTE", target)
            except PermissionError:
                pass
        try:
            open({str(solution)!r}).read()
            print("READ SOLUTION")
        except PermissionError:
            pass
        print("DONE")
    """)
    assert out.stdout.strip() == "DONE", out.stdout + out.stderr
    assert (home / "ok").read_text() == "fine" and not (elsewhere / "no").exists()


@needs_root
def test_a_lent_uid_cannot_signal_root_and_all_its_processes_are_swept():
    out = run_python("""
        import os, signal, time
        from grader import sandbox
        lease = sandbox.UidLease.acquire()
        other = sandbox.UidLease.acquire()
        assert lease and other and lease.uid != other.uid
        parent = os.getpid()
        read, write = os.pipe()
        child = os.fork()
        if child == 0:
            sandbox.drop_privileges(lease.uid)
            try:
                os.kill(parent, 0)
                os.write(write, b"signalled root ")
            except PermissionError:
                pass
            for _ in range(3):  # escapees: new sessions, left running
                if os.fork() == 0:
                    os.setsid()
                    os.write(write, b"%d " % os.getpid())
                    while True:
                        time.sleep(1)
            os._exit(0)
        os.close(write)
        os.waitpid(child, 0)
        report = b""
        while len(report.split()) < 3:
            report += os.read(read, 100)
        pids = [int(p) for p in report.split()]
        assert len(sandbox.user_tasks(lease.uid)) == 3
        sandbox.kill_user_processes(lease.uid)
        print(sandbox.user_tasks(lease.uid), [p for p in pids if sandbox.procfs.session(p) is not None])
    """)
    assert out.stdout.strip().splitlines()[-1] == "[] []", out.stdout + out.stderr


@needs_root
@pytest.mark.skipif(os.geteuid() == 0 and sandbox.pids_cgroup_of_self() is None, reason="no writable pids cgroup")
def test_a_pids_cgroup_caps_a_fork_bomb_and_empties():
    out = run_python("""
        import os, time
        from grader import sandbox
        group = sandbox.PidsCgroup.create(8)
        read, write = os.pipe()
        child = os.fork()
        if child == 0:
            assert sandbox.join_cgroup(group.procs_file)
            made = 0
            try:
                for _ in range(50):
                    if os.fork() == 0:
                        os.setsid()
                        while True:
                            time.sleep(1)
                    made += 1
            except OSError:
                pass
            os.write(write, b"%d" % made)
            while True:
                time.sleep(1)
        os.close(write)
        made = int(os.read(read, 10))
        members = len(group.members())
        group.kill_all()
        os.waitpid(child, 0)
        left = group.members()
        group.remove()
        print(made, members, left, os.path.exists(group.path))
    """)
    made, members, left, exists = out.stdout.split(maxsplit=3)
    assert int(made) < 8 and int(members) == int(made) + 1, out.stdout + out.stderr
    assert left == "[]" and exists.strip() == "False"


# ---- the guard: what learner code changed is found, named and put back -----------------------------


def test_the_guard_finds_and_restores_patches_even_self_restoring_ones():
    out = run_python("""
        import torch, numpy, builtins
        import grader.probe.main
        from grader.probe.guard import Guard, WatchedModule
        real_equal, real_all = torch.equal, builtins.all
        guard = Guard()
        torch.equal = lambda *a: True
        torch.Tensor.all = lambda self: True
        builtins.all = lambda *a: True
        import torch.distributions  # a new submodule is not tampering
        first = guard.check()
        assert torch.equal is real_equal and builtins.all is real_all and "all" not in vars(torch.Tensor)

        import types
        learner = types.ModuleType("submission")
        def sneaky():
            def lie(*a):
                torch.equal = real_equal  # puts the original back on first use
                return True
            torch.equal = lie
        learner.sneaky = sneaky
        WatchedModule(learner, guard).sneaky()
        torch.equal(torch.zeros(1), torch.ones(1))  # what a check would call next
        print(sorted(first), guard.check())
    """)
    assert out.stdout.strip() == "['builtins.all', 'torch.Tensor.all', 'torch.equal'] ['torch.equal']", out.stderr


def test_the_encoder_reads_true_values_under_an_active_dispatch_mode():
    out = run_python("""
        import torch
        from torch.utils._python_dispatch import TorchDispatchMode
        from grader.probe.record import encode_value
        from grader.wire import decode_value
        class Fake(TorchDispatchMode):
            def __torch_dispatch__(self, func, types, args=(), kwargs=None):
                out = func(*args, **(kwargs or {}))
                return torch.full_like(out, 7.0) if isinstance(out, torch.Tensor) and out.is_floating_point() else out
        x = torch.arange(3.0)
        with Fake():
            record = decode_value(encode_value(x))
        print(record.values.tolist())
    """)
    assert out.stdout.strip() == "[0.0, 1.0, 2.0]", out.stderr
