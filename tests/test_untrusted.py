"""Submissions that try to cheat or crash are graded as failures, with an honest reason."""

from __future__ import annotations

import time

from tests.conftest import failure_text

CORRECT = """
def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    return (size + 2 * padding - dilation * (kernel_size - 1) - 1) // stride + 1
"""


def test_infinite_loop_times_out_quickly(grade_source):
    started = time.monotonic()
    result = grade_source("conv_output_size", "def conv_output_size(*a, **k):\n    while True:\n        pass\n", timeout=3)
    assert not result.passed and "Timed out after 3 s" in failure_text(result)
    assert time.monotonic() - started < 15


def test_infinite_loop_at_import(grade_source):
    result = grade_source("conv_output_size", "while True:\n    pass\n", timeout=3)
    assert not result.passed and result.score == 0 and "Timed out" in result.message


def test_os_exit_zero_before_reporting_fails(grade_source):
    result = grade_source("conv_output_size", "import os\ndef conv_output_size(*a, **k):\n    os._exit(0)\n")
    assert not result.passed and result.score == 0
    assert "exit code 0" in failure_text(result)


def test_sys_exit_zero_at_import_fails(grade_source):
    result = grade_source("conv_output_size", "import sys\nsys.exit(0)\n")
    assert not result.passed and "sys.exit()" in result.message


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
    result = grade_source("conv_output_size", "import ctypes\ndef conv_output_size(*a, **k):\n    ctypes.string_at(0)\n")
    assert not result.passed and "SIGSEGV" in failure_text(result)


def test_syntax_error_shows_line_and_caret(grade_source):
    result = grade_source("conv_output_size", "def conv_output_size(size, kernel_size:\n    return 1\n")
    assert not result.passed and "line 1" in result.message and "^" in result.message


def test_missing_function_is_named(grade_source):
    result = grade_source("conv_output_size", "def conv_out_size(*a):\n    return 1\n")
    assert "does not define: conv_output_size" in result.message


def test_correct_code_still_passes(grade_source):
    assert grade_source("conv_output_size", CORRECT).passed


def test_killing_the_worker_fails_only_that_submission(grade_source):
    source = "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\ndef conv_output_size(*a, **k):\n    return 0\n"
    assert not grade_source("conv_output_size", source).passed
    assert grade_source("conv_output_size", CORRECT).passed


def test_cold_interpreter_path_grades_the_same(workspace, catalog, tmp_path):
    from grader.engine import Engine
    from grader.service import grade_file

    exercise = catalog.get("conv_output_size")
    wrong = tmp_path / "wrong.py"
    wrong.write_text("def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):\n    return size\n")
    with Engine(warm=False) as engine:
        solution = workspace.solution_path(exercise)
        assert grade_file(exercise, solution, solution, "en", engine=engine).passed
        result = grade_file(exercise, wrong, solution, "en", engine=engine)
    assert not result.passed and "expected 3, got 5" in result.cases[0].message
