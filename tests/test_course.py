"""The course proves itself: checks are deterministic, starters fail, known mistakes are explained.

Grading a reference solution against itself cannot show that it is right. The evidence of correctness lives
elsewhere: tests/test_alternatives.py (independent correct answers pass), tests/test_oracles.py and
tests/test_restrictions.py (the references agree with PyTorch, tests/library_oracles/), and the mutants below
(known wrong answers fail).

Mutants live in tests/mutants/<exercise id>/<name>.py. The first line of each
is `# expect: <text>`: the mutant must fail, and <text> must appear in the
explanation of at least one failed case (English).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from grader.course.catalog import load_catalog
from grader.usecases.check import grade_file
from tests.helpers import MUTANTS, ROOT, failure_text

CATALOG = load_catalog(ROOT / "exercises" / "info.toml")
IDS = [e.id for e in CATALOG.exercises]


def mutant_files() -> list[Path]:
    return sorted(MUTANTS.glob("*/*.py"))


def expectation(path: Path) -> str:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# expect: "), f"{path} must start with '# expect: <text>'"
    return first.removeprefix("# expect: ").strip()


@pytest.mark.parametrize("exercise_id", IDS)
def test_checks_are_deterministic_on_the_solution(exercise_id, workspace):
    """The reference graded against itself gets full marks: two probes give the same answers and every case runs.

    This proves the checks deterministic, not the solution right (see the module docstring).
    """
    exercise = CATALOG.get(exercise_id)
    solution = workspace.solution_path(exercise)
    result = grade_file(exercise, solution, solution)
    assert result.passed, failure_text(result)
    assert result.score == pytest.approx(exercise.points)


@pytest.mark.parametrize("exercise_id", IDS)
def test_untouched_starter_fails(exercise_id, workspace):
    exercise = CATALOG.get(exercise_id)
    result = grade_file(exercise, workspace.exercise_path(exercise), workspace.solution_path(exercise))
    assert not result.passed
    assert result.score == 0, "every part of a starter raises NotImplementedError, so no case can pass"
    assert "NotImplementedError" in failure_text(result)


@pytest.mark.parametrize("path", mutant_files(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_mutant_fails_with_its_explanation(path, workspace):
    exercise = CATALOG.get(path.parent.name)
    result = grade_file(exercise, path, workspace.solution_path(exercise))
    assert not result.passed, f"mutant {path.name} passed"
    assert expectation(path) in failure_text(result), failure_text(result)


def test_every_exercise_has_mutants():
    with_mutants = {p.parent.name for p in mutant_files()}
    counts = {i: len(list((MUTANTS / i).glob("*.py"))) for i in IDS}
    assert all(counts[i] >= 2 for i in IDS), {i: n for i, n in counts.items() if n < 2}
    assert with_mutants <= set(IDS), with_mutants - set(IDS)
