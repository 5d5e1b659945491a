"""Grading a submission: every chosen exercise of one student's folder, as result objects.

A submission is laid out like `exercises/`: `<topic dir>/<id>.py`. For
convenience `<id>.py` at the top, a notebook `<id>.ipynb` in either place,
a whole student repository (with `exercises/` inside) and a single notebook
holding every exercise (cells tagged `learn:<id>`) are accepted too.
Whatever goes wrong with one exercise (a missing file, an unreadable
notebook, even a grader bug) becomes that exercise's result with a message;
it never stops the others. Nothing here prints.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from grader.course.catalog import Catalog, Exercise
from grader.engine.engine import Engine
from grader.engine.refcache import ReferenceCache
from grader.errors import LearnError
from grader.results import (
    CENTS,
    ERROR,
    INFRA,
    CaseResult,
    ExerciseResult,
    Graded,
    SubmissionReport,
    exact,
    round_half_up,
)
from grader.text.i18n import T, text
from grader.usecases.check import grade_file, load_suite
from grader.versions import grading_versions

if TYPE_CHECKING:
    from grader.course.notebooks import NotebookModule

Item = TypeVar("Item")
Outcome = TypeVar("Outcome")
#: how many folders a wrapper (a zip's top folder, a repository) may nest the exercises in
MAX_WRAPPER_DEPTH = 3


@dataclass(frozen=True)
class Submission:
    """Where one student's answers are: a folder, or a single notebook for every exercise."""

    name: str
    folder: Path | None = None
    notebook: Path | None = None


# ---- choosing exercises ------------------------------------------------------


def select_exercises(catalog: Catalog, only: str | None = None, topic: str | None = None) -> list[Exercise]:
    """The catalogue's exercises in order, restricted by `--only a,b` and `--topic T`."""
    chosen = list(catalog.exercises)
    if only:
        ids = [part.strip() for part in only.split(",") if part.strip()]
        wanted = {catalog.get(i).id for i in ids}  # catalog.get names the closest id on a typo
        chosen = [e for e in chosen if e.id in wanted]
    if topic:
        known = {t.id for t in catalog.topics} | {t.dir for t in catalog.topics}
        if topic not in known:
            topics = ", ".join(t.id for t in catalog.topics)
            raise LearnError(T(f"unknown topic {topic!r}; topics: {topics}",
                               f"没有主题 {topic!r}；可选的主题：{topics}"))
        chosen = [e for e in chosen if topic in (e.topic.id, e.topic.dir)]
    if not chosen:
        raise LearnError(T("no exercise matches --only/--topic", "没有练习符合 --only/--topic"))
    return chosen


# ---- finding a submission's files ----------------------------------------------


def submission_root(folder: Path) -> Path:
    """The folder that holds the topic folders: unwraps `exercises/` and lone wrapper folders."""
    root = folder
    for _ in range(MAX_WRAPPER_DEPTH):
        if (root / "exercises").is_dir():
            root = root / "exercises"
            continue
        entries = [p for p in root.iterdir() if not p.name.startswith((".", "__"))]
        if len(entries) == 1 and entries[0].is_dir() and not entries[0].is_symlink():
            root = entries[0]
            continue
        break
    return root


def find_answer(root: Path, exercise: Exercise) -> Path | None:
    """The submission's file for an exercise: a .py or .ipynb, in its topic folder or at the top."""
    for folder in (root / exercise.topic.dir, root):
        for suffix in (".py", ".ipynb"):
            candidate = folder / f"{exercise.id}{suffix}"
            if candidate.is_file():
                return candidate
    return None


def discover_submission(name: str, path: Path, exercises: list[Exercise], scratch: Path) -> Submission:
    """What a submission is, the same for `--submission`, a class run and Gradescope.

    A `.zip` is unpacked safely into `scratch` first. A folder (or the unpacked
    zip) whose answers are laid out by exercise is graded file by file; one
    that holds no such file but a single notebook (Gradescope's upload of one
    `.ipynb`, a zip of it) is that notebook, graded for every exercise.
    """
    from grader.usecases.classroom import extract_zip

    if path.is_file() and path.suffix.lower() == ".ipynb":
        return Submission(name, notebook=path)
    if path.is_file() and path.suffix.lower() == ".zip":
        target = scratch / "unzipped"
        target.mkdir()
        extract_zip(path, target)
        path = target
    if not path.is_dir():
        raise LearnError(T(f"{path.name}: expected a folder, a .zip or a .ipynb notebook",
                           f"{path.name}：需要一个文件夹、.zip 文件或 .ipynb 笔记本"))
    root = submission_root(path)
    if any(find_answer(root, exercise) for exercise in exercises):
        return Submission(name, folder=path)
    notebooks = sorted(p for p in root.iterdir() if p.suffix.lower() == ".ipynb" and p.is_file()
                       and not p.name.startswith("."))
    if len(notebooks) == 1 and inside(notebooks[0], root):
        return Submission(name, notebook=notebooks[0])
    return Submission(name, folder=path)


def inside(path: Path, root: Path) -> bool:
    """Whether `path`, with links followed, stays inside `root`."""
    return path.resolve().is_relative_to(root.resolve())


# ---- grading -------------------------------------------------------------------


def grade_submission(
    submission: Submission,
    exercises: list[Exercise],
    solutions: Path,
    *,
    lang: str = "en",
    engine: Engine,
    cache: ReferenceCache | None = None,
    jobs: int = 1,
    timeout: float | None = None,
    on_result: Callable[[Graded], None] | None = None,
) -> SubmissionReport:
    """Grade every exercise of one submission, `jobs` at a time, on a shared engine."""
    started = time.monotonic()
    cache = cache if cache is not None else ReferenceCache(None)  # classroom runs never use the disk cache
    root = submission_root(submission.folder.resolve()) if submission.folder else None
    with tempfile.TemporaryDirectory(prefix="learn-grade-") as scratch:

        def one(exercise: Exercise) -> Graded:
            if submission.notebook is not None:
                answer: Path | None = submission.notebook.resolve()
            else:
                answer = find_answer(root, exercise) if root else None
            result = grade_answer(exercise, answer, root, solutions / exercise.relative_path, engine=engine,
                                  cache=cache, timeout=timeout, scratch=Path(scratch))
            graded = Graded(exercise, result)
            if on_result is not None:
                on_result(graded)
            return graded

        graded = tuple(run_parallel(one, exercises, jobs))
    return SubmissionReport(
        name=submission.name,
        path=str(submission.folder or submission.notebook or ""),
        graded=graded,
        lang=lang,
        seconds=time.monotonic() - started,
        graded_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        versions=grading_versions(),
        isolation=isolation_layers(),
    )


def run_parallel(function: Callable[[Item], Outcome], items: list[Item], jobs: int) -> list[Outcome]:
    """`function` over `items` on `jobs` threads, results in order; Ctrl-C cancels what has not started."""
    pool = ThreadPoolExecutor(max_workers=max(1, jobs))
    try:
        futures = [pool.submit(function, item) for item in items]
        results = [future.result() for future in futures]
    except BaseException:
        # Without this, the pool's threads would go on through every queued item before exiting.
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return results


def grade_answer(
    exercise: Exercise,
    answer: Path | None,
    root: Path | None,
    solution: Path,
    *,
    engine: Engine,
    cache: ReferenceCache,
    timeout: float | None,
    scratch: Path,
) -> ExerciseResult:
    """Grade one answer file (or say why it cannot be graded); never raises."""
    if answer is None:
        where = f"{exercise.relative_path} / {exercise.id}.ipynb"
        return replace(unanswered(exercise, ERROR, text("grade_missing_file", path=where)), missing=True)
    if root is not None and not inside(answer, root):
        return unanswered(exercise, ERROR, text("grade_outside_link", path=answer.name))
    module: NotebookModule | None = None
    try:
        if answer.suffix == ".ipynb":
            from grader.course.notebooks import write_module  # nbformat: only when a notebook is graded

            module = write_module(answer, exercise.id, scratch)
    except LearnError as exc:
        return unanswered(exercise, ERROR, said(exc))
    except Exception as exc:  # a notebook nbformat accepts but that is odd inside: still only this exercise
        problem = f"{answer.name}: {type(exc).__name__}: {exc}"
        return unanswered(exercise, ERROR, T(problem, problem))
    notes = module.notes if module is not None else ()
    learner_file = module.path if module is not None else answer
    try:
        result = grade_file(exercise, learner_file, solution, timeout=timeout, engine=engine, cache=cache)
    except LearnError as exc:
        return unanswered(exercise, INFRA, text("grade_grader_error", detail=said(exc)), notes)
    except Exception as exc:  # a grader bug on one answer must not cost the other answers their grade
        detail = f"{type(exc).__name__}: {exc}"
        return unanswered(exercise, INFRA, text("grade_grader_error", detail=detail), notes)
    if module is not None:
        return module.in_notebook(result)
    return replace(result, file=str(answer))


def said(exc: LearnError) -> T:
    """A LearnError's message in both languages (English where it has no translation)."""
    return T(exc.message, exc.in_lang("zh"))


def unanswered(exercise: Exercise, status: str, message: T, notes: tuple[T, ...] = ()) -> ExerciseResult:
    """A result with every case failed for one reason, worth 0 of the exercise's points."""
    try:
        suite = load_suite(exercise)
        scale = exercise.points / suite.max_points if suite.max_points else 1.0
        weights = [(case.name, case.points * scale) for case in suite.cases]
    except Exception:  # a check module that does not even import: one line worth the exercise's points
        weights = [(exercise.title, exercise.points)]
    cases = tuple(CaseResult(name, False, 0.0, points, message) for name, points in weights)
    return ExerciseResult(exercise.id, status, cases, message=message, notes=notes)


def isolation_layers() -> dict[str, str]:
    """The layers that confined learner probes on this host, for the grade document."""
    from grader import sandbox

    return sandbox.describe()


def min_score_threshold(option: str | None, max_score: float) -> float:
    """The score `--min-score` asks for: points (`7.5`) or a percentage (`80%`); all points by default."""
    if option is None or not option.strip():
        return max_score
    text = option.strip()
    try:
        value = float(text[:-1]) * max_score / 100.0 if text.endswith("%") else float(text)
    except ValueError:
        raise LearnError(T(f"--min-score {option!r}: expected points (e.g. 8) or a percentage (e.g. 80%)",
                           f"--min-score {option!r}：需要分数（如 8）或百分比（如 80%）")) from None
    if value < 0:
        raise LearnError(T(f"--min-score {option!r}: must not be negative", f"--min-score {option!r}：不能是负数"))
    return value


def reaches(report: SubmissionReport, threshold: float) -> bool:
    """Whether the report's score (whole hundredths) reaches the threshold, itself rounded to hundredths."""
    return report.score_cents >= round_half_up(exact(threshold) * CENTS)
