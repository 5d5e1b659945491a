"""Self-study use cases: next, show, hint, solution, progress, init. They return data and never print.

Resetting an exercise to its starter lives in `grader.usecases.reset`.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from grader.course.catalog import Catalog, Exercise
from grader.course.progress import PASSED, Progress, ProgressNotSaved, load_progress, save_progress
from grader.course.statement import Statement, parse_statement
from grader.course.workspace import CATALOG_FILE, COURSE_ROOT, Workspace, find_workspace_root
from grader.errors import LearnError
from grader.outcomes import ExerciseView, HintLevels, InitOutcome, ProgressReport, SolutionView, TopicProgress
from grader.text.i18n import T, text
from grader.usecases.reset import STARTERS_DIR, starter_source

IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints")


# ---- next / show -------------------------------------------------------------


def first_unpassed(catalog: Catalog, progress: Progress, after: Exercise | None = None) -> Exercise | None:
    """The first exercise, in course order, that is not passed now; with `after`, the first one after it
    (wrapping around to the start, never `after` itself)."""
    exercises = list(catalog.exercises)
    start = exercises.index(after) + 1 if after in exercises else 0
    return next((e for e in exercises[start:] + exercises[:start]
                 if e != after and progress.status(e.id) != PASSED), None)


def next_view(ws: Workspace) -> ExerciseView | None:
    """The exercise to work on next, or None when every exercise passes."""
    catalog = ws.catalog()
    exercise = first_unpassed(catalog, load_progress(ws.progress_path))
    return None if exercise is None else exercise_view(ws, exercise.id)


def exercise_view(ws: Workspace, exercise_id: str | None) -> ExerciseView:
    """Any exercise with its statement; no id means the next one (or the last when all passed)."""
    catalog = ws.catalog()
    if not catalog.exercises:
        raise LearnError(T(f"{ws.catalog_path} lists no exercises", f"{ws.catalog_path} 中没有任何练习"))
    if exercise_id is None:
        exercise = first_unpassed(catalog, load_progress(ws.progress_path)) or catalog.exercises[-1]
    else:
        exercise = catalog.get(exercise_id)
    number = catalog.exercises.index(exercise) + 1
    return ExerciseView(exercise, number, ws.exercise_path(exercise), statement_of(ws, exercise))


def current_exercise_id(ws: Workspace) -> str:
    """The exercise a command without an id means: the first not passed (the last when all passed)."""
    return exercise_view(ws, None).exercise.id


def statement_of(ws: Workspace, exercise: Exercise) -> Statement:
    """The statement from the learner's file, else from the starter, else just the title."""
    path = ws.exercise_path(exercise)
    try:
        found = parse_statement(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        found = None
    if found is None:
        try:
            found = parse_statement(starter_source(ws, exercise))
        except LearnError:
            found = None
    return found or Statement(exercise.title, T("", ""))


# ---- hints -----------------------------------------------------------------------


def reveal_hints(ws: Workspace, exercise_id: str, *, all_levels: bool = False) -> HintLevels:
    """Reveal the next hint level (or all of them) and remember what was seen."""
    exercise = ws.catalog().get(exercise_id)
    progress = load_progress(ws.progress_path)
    seen = progress.hints_seen(exercise.id)
    total = len(exercise.hints)
    shown = total if all_levels else min(seen + 1, total)
    not_saved = None
    if shown > seen:
        progress.see_hints(exercise.id, shown)
        try:
            save_progress(ws.progress_path, progress)
        except ProgressNotSaved as exc:  # the hint is still worth showing
            not_saved = exc
    return HintLevels(exercise, shown, shown > seen, not_saved)


def hints_left(ws: Workspace, exercise_id: str) -> bool:
    """Whether `learn hint` would still show a level not seen before."""
    exercise = ws.catalog().get(exercise_id)
    return load_progress(ws.progress_path).hints_seen(exercise.id) < len(exercise.hints)


# ---- a learner's file ------------------------------------------------------------------


def source_problem(path: Path) -> T | None:
    """What makes a Python file unreadable before anything runs: a NUL byte, or bytes that are not UTF-8."""
    try:
        data = path.read_bytes()
    except OSError:
        return None  # the grader reports a missing or unreadable file itself
    if b"\x00" in data:
        return text("err_file_nul", path=path, line=data[: data.index(b"\x00")].count(b"\n") + 1)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return text("err_file_not_utf8", path=path, line=data[: exc.start].count(b"\n") + 1)
    return None


# ---- solution ------------------------------------------------------------------------


def solution_unlocked(ws: Workspace, exercise_id: str) -> bool:
    """Whether the learner has passed the exercise at least once."""
    exercise = ws.catalog().get(exercise_id)
    return load_progress(ws.progress_path).ever_passed(exercise.id)


def solution_view(ws: Workspace, exercise_id: str, *, force: bool = False) -> SolutionView:
    """The reference solution, once the exercise has passed (or when forced)."""
    exercise = ws.catalog().get(exercise_id)
    if not force and not load_progress(ws.progress_path).ever_passed(exercise.id):
        raise LearnError(T(
            f"the solution of {exercise.id} opens once you pass it: run `learn check {exercise.id}` "
            f"(or `learn solution {exercise.id} --force` to see it now)",
            f"{exercise.id} 的参考答案在你通过之后才会开放：运行 `learn check {exercise.id}`"
            f"（或者用 `learn solution {exercise.id} --force` 现在就查看）",
        ))
    path = ws.solution_path(exercise)
    try:
        return SolutionView(exercise, path, path.read_text(encoding="utf-8"))
    except OSError:
        raise LearnError(T(f"the reference solution of {exercise.id} is missing: {path}",
                           f"缺少 {exercise.id} 的参考答案：{path}")) from None


# ---- progress and init ---------------------------------------------------------------


def progress_report(ws: Workspace) -> ProgressReport:
    """Passed / total per topic (topics with exercises only), last activity and the next exercise."""
    catalog = ws.catalog()
    progress = load_progress(ws.progress_path)
    topics = []
    for topic in catalog.topics:
        ids = [e.id for e in catalog.exercises if e.topic.id == topic.id]
        if ids:
            topics.append(TopicProgress(topic, sum(progress.status(i) == PASSED for i in ids), len(ids)))
    return ProgressReport(tuple(topics), progress.last_activity(), first_unpassed(catalog, progress))


def init_workspace(dest: Path, *, course: Path = COURSE_ROOT) -> InitOutcome:
    """Copy the course's exercises (not its solutions) into `dest`, keeping pristine starters for `reset`."""
    source = course / "exercises"
    if not (course / CATALOG_FILE).is_file():
        raise LearnError(T(
            f"this installation carries no course ({course / CATALOG_FILE} is missing): "
            "install from a source checkout with `pip install -e .`",
            f"这次安装没有带上课程（缺少 {course / CATALOG_FILE}）：请在源码目录中用 `pip install -e .` 安装",
        ))
    dest = dest.expanduser().resolve()
    if dest.exists() and not dest.is_dir():
        raise LearnError(text("err_init_is_file", dest=dest))
    if (dest / "exercises").exists():
        raise LearnError(text("err_init_exists", path=dest / "exercises", root=dest))
    enclosing = find_workspace_root(dest.parent)
    if enclosing is not None:
        # A nested workspace would be graded instead of the outer one from every folder below it.
        raise LearnError(text("err_init_nested", dest=dest, root=enclosing))
    try:
        shutil.copytree(source, dest / "exercises", ignore=IGNORED)
        shutil.copytree(source, dest / ".learn" / STARTERS_DIR, ignore=IGNORED)
    except shutil.Error as exc:  # copytree gathers per-file errors: report the first one
        first = exc.args[0][0] if exc.args and exc.args[0] else (str(dest), "", str(exc))
        raise LearnError(text("err_cannot_write", path=first[1] or dest, reason=first[2])) from None
    except OSError as exc:
        raise LearnError(text("err_cannot_write", path=exc.filename or dest, reason=exc.strerror or exc)) from None
    from grader.usecases.classroom import write_requirements

    write_requirements(dest)  # what a CI job installs (and caches its downloads by)
    count = len(Workspace.discover(dest).catalog().exercises)
    return InitOutcome(dest, count)
