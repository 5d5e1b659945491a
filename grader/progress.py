"""The learner's progress: which exercises passed, written atomically.

The file is written to a temporary file in the same folder, flushed to disk
and renamed over the old one, so a crash mid-write never leaves half a file.
A file that cannot be read (hand-edited, truncated) is moved aside and
progress starts again; the caller is told so it can say it.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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


def load_progress(path: Path) -> Progress:
    """Read progress; a missing file is empty progress, a broken one is set aside."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Progress()
    except OSError:
        return Progress()
    try:
        data = json.loads(raw)
        entries = data["exercises"]
        if data.get("version") != PROGRESS_VERSION or not isinstance(entries, dict):
            raise ValueError("unexpected layout")
        clean = {str(k): v for k, v in entries.items() if isinstance(v, dict)}
        return Progress(clean)
    except (ValueError, KeyError, TypeError):
        aside = path.with_name(f"{path.name}.corrupt-{int(time.time())}")
        try:
            os.replace(path, aside)
        except OSError:
            aside = path
        return Progress(recovered_from=aside)


def save_progress(path: Path, progress: Progress) -> None:
    """Write progress atomically (temp file, fsync, rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"version": PROGRESS_VERSION, "note": "written by learn; safe to delete", "exercises": progress.entries}
    write_atomic(path, json.dumps(data, indent=2, sort_keys=True) + "\n")


def write_atomic(path: Path, content: str) -> None:
    """Replace `path` with `content` so readers see the old or the new file, never a mix."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
