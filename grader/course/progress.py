"""The learner's progress: which exercises passed, written atomically.

The file is written to a temporary file in the same folder, flushed to disk
and renamed over the old one, so a crash mid-write never leaves half a file.
A file that cannot be understood (hand-edited, truncated, not UTF-8, an
entry of the wrong shape) is moved aside and progress starts again; the
caller is told so it can say it. A file or folder that cannot be read or
written at all is a LearnError naming it.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from grader.course.atomic import write_atomic
from grader.errors import LearnError

PROGRESS_VERSION = 1
NOT_STARTED = "not started"
PASSED = "passed"
FAILING = "failing"


@dataclass
class Progress:
    """Per-exercise status, plus a note when the stored file had to be set aside."""

    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    recovered_from: Path | None = None

    def status(self, exercise_id: str) -> str:
        return self.entries.get(exercise_id, {}).get("status", NOT_STARTED)

    def record(self, exercise_id: str, passed: bool, score: float, max_score: float) -> None:
        entry = self.entries.setdefault(exercise_id, {})
        entry.update(
            status=PASSED if passed else FAILING,
            score=score,
            max_score=max_score,
            updated=time.time(),
        )
        if passed:
            entry["ever_passed"] = True

    def forget_status(self, exercise_id: str) -> bool:
        """Back to "not started" (after a reset); hints seen and an opened solution are kept. True if it changed."""
        entry = self.entries.get(exercise_id, {})
        dropped = [entry.pop(key) for key in ("status", "score", "max_score") if key in entry]
        return bool(dropped)

    def ever_passed(self, exercise_id: str) -> bool:
        """Whether the exercise passed at least once (it unlocks the solution)."""
        return self.entries.get(exercise_id, {}).get("ever_passed") is True

    def hints_seen(self, exercise_id: str) -> int:
        """How many hint levels were revealed for an exercise."""
        seen = self.entries.get(exercise_id, {}).get("hints_seen", 0)
        return seen if type(seen) is int and seen > 0 else 0

    def see_hints(self, exercise_id: str, levels: int) -> None:
        """Remember that the first `levels` hints were shown (never forgets a level)."""
        entry = self.entries.setdefault(exercise_id, {})
        entry["hints_seen"] = max(self.hints_seen(exercise_id), levels)
        entry["hint_time"] = time.time()

    def last_activity(self) -> float | None:
        """When the learner last checked an exercise or read a hint (seconds since the epoch)."""
        times = [e.get(key) for e in self.entries.values() for key in ("updated", "hint_time")]
        return max((t for t in times if isinstance(t, (int, float)) and not isinstance(t, bool)), default=None)


def load_progress(path: Path) -> Progress:
    """Read progress; a missing file is empty progress, a broken one is set aside."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Progress()
    except OSError as exc:
        from grader.text.i18n import T

        reason = exc.strerror or exc
        raise LearnError(T(f"cannot read the progress file {path}: {reason}",
                           f"无法读取进度文件 {path}：{reason}")) from None
    try:
        return Progress(parse_entries(raw))
    except ValueError:
        return Progress(recovered_from=_set_aside(path))


def parse_entries(raw: bytes) -> dict[str, dict[str, Any]]:
    """The entries of a progress file; ValueError when anything in it is not as `learn` writes it."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, RecursionError) as exc:
        raise ValueError(str(exc)) from None
    if type(data) is not dict or data.get("version") != PROGRESS_VERSION or type(data.get("exercises")) is not dict:
        raise ValueError("unexpected layout")
    entries = data["exercises"]
    for exercise_id, entry in entries.items():
        problem = entry_problem(entry)
        if problem:
            raise ValueError(f"{exercise_id}: {problem}")
    return entries


#: the fields `learn` writes into an entry, and the types each may have
_FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "score": (int, float),
    "max_score": (int, float),
    "updated": (int, float),
    "hint_time": (int, float),
    "ever_passed": (bool,),
    "hints_seen": (int,),
}


def entry_problem(entry: Any) -> str | None:
    """What is wrong with one exercise's entry, or None (unknown extra fields are allowed)."""
    if type(entry) is not dict:
        return "not an object"
    if "status" in entry and entry["status"] not in (PASSED, FAILING):
        return f"unknown status {entry['status']!r}"
    for name, types in _FIELD_TYPES.items():
        if name in entry and type(entry[name]) not in types:
            return f"{name} has the wrong type"
    return None


def _set_aside(path: Path) -> Path:
    """Move an unreadable progress file out of the way, keeping it for the learner to look at."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for number in range(100):
        aside = path.with_name(f"{path.name}.corrupt-{stamp}" + (f"-{number}" if number else ""))
        try:
            os.link(path, aside)  # fails if `aside` exists: an earlier copy is never overwritten
        except FileExistsError:
            continue
        except OSError:
            return path
        with contextlib.suppress(OSError):
            os.unlink(path)
        return aside
    return path


class ProgressNotSaved(LearnError):
    """Progress could not be written (a read-only workspace): the verdict still stands, so callers show it."""


def save_progress(path: Path, progress: Progress) -> None:
    """Write progress atomically (temp file, fsync, rename); ProgressNotSaved when the folder refuses."""
    data = {"version": PROGRESS_VERSION, "note": "written by learn; safe to delete", "exercises": progress.entries}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps(data, indent=2, sort_keys=True) + "\n")
    except OSError as exc:
        from grader.text.i18n import text

        raise ProgressNotSaved(text("ui_progress_not_saved", path=path, reason=exc.strerror or exc)) from None
