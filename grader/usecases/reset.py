"""Reset an exercise to its starter, and undo that. Nothing the learner wrote is lost.

`reset` copies the learner's file under `.learn/backups/<id>/` before
restoring the starter, and undoing a reset backs up whatever it replaces too
(unless that is the starter itself). Returns data, never prints.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

from grader.course.atomic import write_atomic
from grader.course.catalog import Exercise
from grader.course.progress import load_progress, save_progress
from grader.course.workspace import COURSE_ROOT, Workspace
from grader.errors import LearnError
from grader.outcomes import ResetOutcome
from grader.text.i18n import T, text

#: where `learn init` keeps pristine starters, so `reset` works without the package's copy
STARTERS_DIR = "starters"
BACKUPS_DIR = "backups"


def starter_source(ws: Workspace, exercise: Exercise) -> str:
    """The untouched starter of an exercise, from the first place that has one."""
    relative = Path(exercise.relative_path)
    for candidate in (ws.state_dir / STARTERS_DIR / relative, _packaged_starter(ws, relative)):
        if candidate is not None and candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    committed = _committed_version(ws.exercise_path(exercise))
    if committed is not None:
        return committed
    raise LearnError(T(
        f"no untouched copy of the starter of {exercise.id!r} was found: "
        "run `learn init DIR` to create a fresh workspace",
        f"找不到 {exercise.id!r} 未修改过的初始文件：运行 `learn init 目录` 创建一个新的工作区",
    ))


def _packaged_starter(ws: Workspace, relative: Path) -> Path | None:
    """The course's own starter, unless this workspace is the course folder itself (the learner edits those)."""
    if ws.root.resolve() == COURSE_ROOT.resolve():
        return None
    return COURSE_ROOT / "exercises" / relative


def _committed_version(path: Path) -> str | None:
    """The file as last committed to git, for a learner working inside a clone of the course."""
    try:
        done = subprocess.run(
            ["git", "-C", str(path.parent), "show", f"HEAD:./{path.name}"],
            capture_output=True, timeout=10, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    try:
        return done.stdout.decode("utf-8")
    except UnicodeDecodeError:
        return None


def reset_exercise(ws: Workspace, exercise_id: str) -> ResetOutcome:
    """Put the starter back, after saving the learner's version under .learn/backups/."""
    exercise = ws.catalog().get(exercise_id)
    path = ws.exercise_path(exercise)
    starter = starter_source(ws, exercise).encode("utf-8")
    backup = None
    with _refused_writes_as_errors():
        if path.is_file() and path.read_bytes() != starter:
            backup = back_up(ws, exercise, path)
        write_atomic(path, starter)
    _forget_verdict(ws, exercise)
    return ResetOutcome(exercise.id, path, backup)


def _forget_verdict(ws: Workspace, exercise: Exercise) -> None:
    """The starter is back, so the exercise is "not started" again (an opened solution stays open)."""
    progress = load_progress(ws.progress_path)
    if progress.forget_status(exercise.id):
        save_progress(ws.progress_path, progress)


@contextlib.contextmanager
def _refused_writes_as_errors() -> Iterator[None]:
    """A folder that refuses a backup or the restore becomes one clear error; the learner's file is untouched."""
    try:
        yield
    except OSError as exc:
        raise LearnError(text("err_cannot_write", path=exc.filename or "?", reason=exc.strerror or exc)) from None


def undo_reset(ws: Workspace, exercise_id: str) -> ResetOutcome:
    """Bring back the latest backup; the version it replaces is backed up first unless it is the starter."""
    exercise = ws.catalog().get(exercise_id)
    path = ws.exercise_path(exercise)
    backups = backups_of(ws, exercise)
    if not backups:
        folder = backup_dir(ws, exercise)
        raise LearnError(T(f"{exercise.id} has no backup to bring back (backups live in {folder})",
                           f"{exercise.id} 没有可以恢复的备份（备份保存在 {folder}）"))
    latest = backups[-1]
    wanted = latest.read_bytes()
    saved = None
    if path.is_file():
        current = path.read_bytes()
        if current != wanted and not _is_starter(ws, exercise, current):
            with _refused_writes_as_errors():
                saved = back_up(ws, exercise, path)
    with _refused_writes_as_errors():
        write_atomic(path, wanted)
    return ResetOutcome(exercise.id, path, saved, restored_from=latest)


def _is_starter(ws: Workspace, exercise: Exercise, content: bytes) -> bool:
    try:
        return content == starter_source(ws, exercise).encode("utf-8")
    except LearnError:
        return False


def backup_dir(ws: Workspace, exercise: Exercise) -> Path:
    return ws.state_dir / BACKUPS_DIR / exercise.id


def backups_of(ws: Workspace, exercise: Exercise) -> list[Path]:
    """The exercise's backups, oldest first."""
    folder = backup_dir(ws, exercise)
    found = [p for p in folder.glob("*.py") if p.name.split("-", 1)[0].isdigit()] if folder.is_dir() else []
    return sorted(found, key=lambda p: int(p.name.split("-", 1)[0]))


def back_up(ws: Workspace, exercise: Exercise, path: Path) -> Path:
    """Copy the learner's file to the next numbered backup and return where it went."""
    folder = backup_dir(ws, exercise)
    folder.mkdir(parents=True, exist_ok=True)
    existing = backups_of(ws, exercise)
    number = int(existing[-1].name.split("-", 1)[0]) + 1 if existing else 1
    target = folder / f"{number:04d}-{time.strftime('%Y%m%d-%H%M%S')}.py"
    shutil.copy2(path, target)
    return target
