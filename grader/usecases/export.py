"""The course handed out in other shapes: one notebook per exercise, the Gradescope autograder zip.

Both return what they wrote and never print.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from grader.course.catalog import Exercise
from grader.course.workspace import Workspace
from grader.errors import LearnError
from grader.limits import DEFAULT_JOBS
from grader.text.i18n import T, text
from grader.usecases.grade import select_exercises


@dataclass(frozen=True)
class ExportedNotebook:
    """One exercise's notebook: written, or kept because a file was there already."""

    exercise: Exercise
    path: Path
    written: bool


def export_notebooks(ws: Workspace, folder: Path, lang: str, only: str | None = None,
                     topic: str | None = None) -> Iterator[ExportedNotebook]:
    """Write one notebook per chosen exercise into `folder`, each as soon as it is made, and say so.

    A notebook already there may hold the learner's work: it is never overwritten.
    """
    from grader.course.notebooks import exercise_notebook, write_notebook

    for exercise in select_exercises(ws.catalog(), only, topic):
        target = folder / f"{exercise.id}.ipynb"
        if target.exists():
            yield ExportedNotebook(exercise, target, written=False)
            continue
        starter = ws.exercise_path(exercise)
        try:
            source = starter.read_text(encoding="utf-8")
        except OSError as exc:
            raise LearnError(text("err_cannot_read", path=starter, reason=exc.strerror)) from None
        from_root = os.path.relpath(target.resolve(), ws.root)  # the notebook's own check command, run from the root
        write_notebook(exercise_notebook(exercise, source, lang, file=from_root), target)
        yield ExportedNotebook(exercise, target, written=True)


@dataclass(frozen=True)
class AutograderRequest:
    """What `learn gradescope build` was asked: which exercises, graded how, and where the zip goes."""

    output: Path
    solutions: Path | None = None
    only: str | None = None
    topic: str | None = None
    jobs: int = DEFAULT_JOBS
    timeout: float | None = None
    lang: str = "en"


@dataclass(frozen=True)
class AutograderOutcome:
    """The zip written and what is in it."""

    output: Path
    exercises: tuple[Exercise, ...]
    names: tuple[str, ...]  #: the zip's members

    @property
    def points(self) -> float:
        return sum(e.points for e in self.exercises)


def build_autograder(request: AutograderRequest) -> AutograderOutcome:
    """Write Gradescope's autograder zip: setup.sh, run_autograder, learn, the course and its solutions."""
    from grader.render.formats.autograder import AutograderPlan, build
    from grader.usecases.classroom import learn_requirement
    from grader.versions import learn_version

    if request.output.suffix.lower() != ".zip":
        raise LearnError(T(f"--output {request.output}: the autograder must be a .zip file",
                           f"--output {request.output}：自动评分包必须是 .zip 文件"))
    ws = Workspace.discover(solutions=request.solutions, course_fallback=True)
    exercises = tuple(select_exercises(ws.catalog(), request.only, request.topic))
    plan = AutograderPlan(ws.root, ws.solutions, exercises, learn_version=learn_version(),
                          learn_requirement=learn_requirement(), lang=request.lang, jobs=request.jobs,
                          timeout=request.timeout)
    names = build(plan, request.output)
    return AutograderOutcome(request.output, exercises, tuple(names))
