"""Independent answers agree with the reference: a check compares with the reference solution,
so these prove the reference right (library-backed implementations, other valid orders or layouts)."""

from __future__ import annotations

from pathlib import Path

import pytest

from grader.course.catalog import load_catalog
from grader.usecases.check import grade_file
from tests.helpers import ROOT, failure_text

CATALOG = load_catalog(ROOT / "exercises" / "info.toml")
ALTERNATIVES = sorted((Path(__file__).parent / "alternatives").glob("*/*.py"))


@pytest.mark.parametrize("path", ALTERNATIVES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_independent_answer_passes(path, workspace):
    exercise = CATALOG.get(path.parent.name)
    result = grade_file(exercise, path, workspace.solution_path(exercise))
    assert result.passed, failure_text(result)
