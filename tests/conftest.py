"""Shared fixtures: the real course, a CLI runner, and a way to grade a source string."""

from __future__ import annotations

import os
import textwrap

# Tests judge against freshly computed references (kept in memory for the session), never a disk cache.
os.environ["LEARN_NO_DISK_CACHE"] = "1"
# No test starts a `learn check` daemon by accident; tests/test_daemon.py turns it on for its own folders.
os.environ["LEARN_NO_DAEMON"] = "1"

import pytest

from grader.course.workspace import Workspace
from grader.usecases.check import grade_file
from tests.helpers import ROOT


@pytest.fixture(scope="session")
def workspace() -> Workspace:
    return Workspace.discover(ROOT)


@pytest.fixture(scope="session")
def catalog(workspace):
    return workspace.catalog()


@pytest.fixture
def grade_source(workspace, catalog, tmp_path):
    """Grade a piece of learner source code against an exercise; returns the ExerciseResult (texts bilingual)."""

    def grade(exercise_id: str, source: str, timeout: float | None = None):
        exercise = catalog.get(exercise_id)
        path = tmp_path / f"{exercise_id}.py"
        path.write_text(textwrap.dedent(source), encoding="utf-8")
        return grade_file(exercise, path, workspace.solution_path(exercise), timeout=timeout)

    return grade


@pytest.fixture
def tmp_workspace(tmp_path, monkeypatch):
    """A fresh learner workspace (exercises only) as the current directory."""
    import shutil

    shutil.copytree(ROOT / "exercises", tmp_path / "exercises")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LEARN_LANG", raising=False)
    return tmp_path
