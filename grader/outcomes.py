"""What the practice use cases return and the practice views render.

Plain data, like `grader.results` for verdicts: the use cases in
`grader.usecases` (next, show, hint, solution, progress, init, reset, doctor)
build these, and `grader.render.practice` draws them in the learner's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from grader.course.catalog import Exercise, Topic
from grader.course.statement import Statement
from grader.errors import LearnError
from grader.text.i18n import T


@dataclass(frozen=True)
class ExerciseView:
    """An exercise as a learner meets it: number, file and statement."""

    exercise: Exercise
    number: int
    path: Path
    statement: Statement


@dataclass(frozen=True)
class HintLevels:
    """The hints revealed so far for one exercise."""

    exercise: Exercise
    shown: int  #: how many levels are shown now
    newly_revealed: bool  #: whether this call revealed a level not seen before
    not_saved: LearnError | None = None  #: why remembering the level failed (a read-only workspace)

    @property
    def total(self) -> int:
        return len(self.exercise.hints)


@dataclass(frozen=True)
class SolutionView:
    """The reference solution of an exercise, to read (never copied over the learner's file)."""

    exercise: Exercise
    path: Path
    source: str


@dataclass(frozen=True)
class TopicProgress:
    """Passed and total exercises of one topic."""

    topic: Topic
    passed: int
    total: int


@dataclass(frozen=True)
class ProgressReport:
    """The learner's standing: per topic, overall, last activity and what comes next."""

    topics: tuple[TopicProgress, ...]
    last_activity: float | None  #: seconds since the epoch
    next: Exercise | None

    @property
    def passed(self) -> int:
        return sum(t.passed for t in self.topics)

    @property
    def total(self) -> int:
        return sum(t.total for t in self.topics)


@dataclass(frozen=True)
class InitOutcome:
    """A fresh workspace created by `learn init`."""

    root: Path
    exercises: int


@dataclass(frozen=True)
class Finding:
    """One thing doctor looked at: what, what it found, and the fix when it is a problem."""

    label: T
    ok: bool
    detail: str | T  #: versions and paths are the same in every language; words are a T
    fix: T | None = None

    def detail_in(self, lang: str) -> str:
        return self.detail.get(lang) if isinstance(self.detail, T) else self.detail


@dataclass(frozen=True)
class ResetOutcome:
    """What a reset (or its undo) did to the learner's file."""

    exercise: str
    path: Path
    backup: Path | None  #: where the replaced version was saved; None when there was nothing to save
    restored_from: Path | None = None  #: the backup brought back by an undo
