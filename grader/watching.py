"""The practice loop behind `learn watch`: re-check the current exercise on every save.

A session keeps one engine (warm workers) and one reference cache for its
whole life, so after the first check a re-check only forks the learner's
probe: no torch import, no reference run.
"""

from __future__ import annotations

import queue
import threading
from dataclasses import dataclass, field
from pathlib import Path

import watchfiles

from grader.catalog import Exercise
from grader.engine import LONG_SESSION_PRELOAD, Engine, shared_engine
from grader.errors import LearnError
from grader.progress import PASSED, load_progress
from grader.refcache import ReferenceCache, default_cache_dir
from grader.results import ExerciseResult
from grader.service import check_exercise
from grader.workspace import Workspace


@dataclass
class WatchSession:
    """Which exercise is current, and how to check it quickly."""

    workspace: Workspace
    lang: str
    current: Exercise
    engine: Engine = field(default_factory=lambda: shared_engine(LONG_SESSION_PRELOAD))
    cache: ReferenceCache = field(default_factory=lambda: ReferenceCache(default_cache_dir()))
    last: ExerciseResult | None = None

    @classmethod
    def open(cls, workspace: Workspace, lang: str, exercise_id: str | None = None) -> "WatchSession":
        catalog = workspace.catalog()
        exercise = catalog.get(exercise_id) if exercise_id else first_unpassed(workspace)
        if exercise is None:
            raise LearnError("every exercise has passed: pick one with `learn watch ID`")
        session = cls(workspace, lang, exercise)
        session.engine.start()
        return session

    @property
    def path(self) -> Path:
        return self.workspace.exercise_path(self.current)

    def check(self) -> ExerciseResult:
        """Grade the current exercise's file now."""
        self.last = check_exercise(self.workspace, self.current.id, lang=self.lang, engine=self.engine, cache=self.cache)
        return self.last

    def advance(self) -> bool:
        """Move to the next exercise not yet passed; False when there is none."""
        following = first_unpassed(self.workspace, after=self.current)
        if following is None:
            return False
        self.current, self.last = following, None
        return True

    def close(self) -> None:
        self.engine.close()


def first_unpassed(workspace: Workspace, after: Exercise | None = None) -> Exercise | None:
    """The first exercise (after `after`, wrapping around) whose status is not passed."""
    exercises = list(workspace.catalog().exercises)
    progress = load_progress(workspace.progress_path)
    start = exercises.index(after) + 1 if after in exercises else 0
    for exercise in exercises[start:] + exercises[:start]:
        if exercise != after and progress.status(exercise.id) != PASSED:
            return exercise
    return None


def watch_saves(folder: Path, events: "queue.Queue[tuple[str, str]]", stop: threading.Event) -> threading.Thread:
    """Put ("saved", path) on `events` for every changed .py file below `folder`, until `stop` is set."""

    def run() -> None:
        for changes in watchfiles.watch(folder, stop_event=stop, debounce=100, step=20, raise_interrupt=False):
            for _, changed in changes:
                if changed.endswith(".py"):
                    events.put(("saved", changed))

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread
