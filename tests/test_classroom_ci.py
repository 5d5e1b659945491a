"""The GitHub Actions workflow for classrooms: actionlint accepts it, and a `learn init` workspace has what it needs."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from grader.usecases.classroom import REQUIREMENTS_FILE, requirements_text, write_requirements
from grader.usecases.practice import init_workspace
from tests.helpers import ROOT

WORKFLOW = ROOT / "examples" / "github-classroom.yml"


def actionlint() -> str | None:
    """The actionlint binary: on PATH, or beside this Python (the test extras install it there)."""
    beside = Path(sys.executable).parent / "actionlint"
    return str(beside) if beside.is_file() else shutil.which("actionlint")


def runnable(binary: str | None) -> str | None:
    """Why the binary cannot run here, or None when it can."""
    if binary is None:
        return "actionlint is not installed (pip install -e '.[test]' installs it)"
    try:
        subprocess.run([binary, "-version"], capture_output=True, check=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as exc:
        return f"{binary} cannot run here: {exc}"
    return None


def test_actionlint_accepts_the_workflow():
    binary = actionlint()
    reason = runnable(binary)
    if reason:
        pytest.skip(reason)
    # Its checks include deprecated action runtimes (node20) and expressions that name unknown contexts.
    run = subprocess.run([binary, "-no-color", str(WORKFLOW)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr


def test_actionlint_would_catch_a_deprecated_action(tmp_path):
    """The check above can fail: the old majors, on the node20 runtime, are reported."""
    binary = actionlint()
    reason = runnable(binary)
    if reason:
        pytest.skip(reason)
    old = tmp_path / "old.yml"
    old.write_text(WORKFLOW.read_text(encoding="utf-8").replace("actions/checkout@v5", "actions/checkout@v4"),
                   encoding="utf-8")
    run = subprocess.run([binary, "-no-color", str(old)], capture_output=True, text=True, timeout=120)
    assert run.returncode != 0 and "node20" in run.stdout


def test_pip_cache_has_the_file_it_is_keyed_on(tmp_path):
    """setup-python's `cache: pip` fails the job when the dependency file it hashes is missing."""
    workflow = WORKFLOW.read_text(encoding="utf-8")
    assert re.search(r"cache: pip\n\s+cache-dependency-path: requirements.txt", workflow)
    assert "pip install -r requirements.txt" in workflow
    root = init_workspace(tmp_path / "course").root
    requirements = (root / REQUIREMENTS_FILE).read_text(encoding="utf-8")
    lines = [line for line in requirements.splitlines() if line and not line.startswith("#")]
    assert "--extra-index-url https://download.pytorch.org/whl/cpu" in lines
    assert any(line.startswith("learn-pytorch") for line in lines) and "torch>=2.2" in lines


def test_requirements_are_never_overwritten(tmp_path):
    mine = tmp_path / REQUIREMENTS_FILE
    mine.write_text("numpy\n", encoding="utf-8")
    assert write_requirements(tmp_path) is None and mine.read_text(encoding="utf-8") == "numpy\n"
    assert requirements_text().endswith("\n")


def test_the_solutions_token_never_reaches_student_code():
    """Only the step that tests for it and the checkout see the secret; grading runs without it."""
    workflow = WORKFLOW.read_text(encoding="utf-8")
    steps = workflow.split("      - name: ")
    with_secret = [step.splitlines()[0] for step in steps if "secrets.LEARN_SOLUTIONS_TOKEN" in step]
    assert with_secret == ["Are private solutions configured?", "Check out the reference solutions"]
    assert "persist-credentials: false" in workflow
