"""Result objects: what grading produced, independent of how it is shown.

Renderers (Rich, JSON, JUnit, Gradescope...) are pure functions of these.
`to_dict` is the project's JSON contract; bump RESULT_VERSION when it changes.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

RESULT_VERSION = 1

# Outcomes of an exercise as a whole.
PASSED = "passed"
FAILED = "failed"  # ran, but some case is wrong
ERROR = "error"  # the learner's file could not be graded (syntax error, timeout, crash...)
INFRA = "infra"  # the grader or the reference failed: not the learner's fault


@dataclass(frozen=True)
class CaseResult:
    """The verdict on one case."""

    name: str
    passed: bool
    points: float
    max_points: float
    message: str = ""  #: why it failed, in the chosen language
    hint: str = ""  #: what to try next
    seconds: float = 0.0
    #: the differing values as cells to draw (expected/got/mismatch grids), see grader.compare.diff_cells
    diff: dict[str, Any] | None = None


@dataclass(frozen=True)
class ExerciseResult:
    """The verdict on one exercise: every case, plus what the learner's code printed."""

    exercise: str
    status: str
    cases: tuple[CaseResult, ...]
    message: str = ""  #: a problem that concerns the whole file (it did not import, timed out...)
    stdout: str = ""
    stderr: str = ""
    seconds: float = 0.0
    file: str = ""
    hints: tuple[str, ...] = field(default=())
    #: remarks on how the file was read (notebook cells left out...), not failures
    notes: tuple[str, ...] = field(default=())

    @property
    def passed(self) -> bool:
        return self.status == PASSED

    @property
    def score(self) -> float:
        return sum(case.points for case in self.cases)

    @property
    def max_score(self) -> float:
        return sum(case.max_points for case in self.cases)

    @property
    def passed_count(self) -> int:
        return sum(case.passed for case in self.cases)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(
            version=RESULT_VERSION,
            passed=self.passed,
            score=self.score,
            max_score=self.max_score,
            cases=[asdict(case) for case in self.cases],
            hints=list(self.hints),
            notes=list(self.notes),
        )
        return data
