"""The practice loop behind `learn watch`: re-check the current exercise on every save.

A session keeps one engine (warm workers) and one reference cache for its
whole life, so after the first check a re-check only forks the learner's
probe: no torch import, no reference run. Everything here returns data and
never prints; `grader.cli.watch_screen` draws it. Checks may run in another thread:
`Check` is one of them, which a newer save or a key press can stop at once.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path

import watchfiles

from grader.course.catalog import Catalog, Exercise, load_catalog
from grader.course.progress import Progress, load_progress
from grader.course.workspace import Workspace
from grader.engine.engine import LONG_SESSION_PRELOAD, Engine, shared_engine
from grader.engine.refcache import ReferenceCache, default_cache_dir
from grader.errors import Cancelled, LearnError
from grader.outcomes import ExerciseView, HintLevels, ResetOutcome
from grader.results import ExerciseResult
from grader.text.i18n import text
from grader.usecases import practice
from grader.usecases import reset as resetting
from grader.usecases.check import check_exercise, load_suite
from grader.wire import Frame, FrameKind

#: called with (cases reported so far, total cases, name of the latest case)
CaseProgress = Callable[[int, int, str], None]


#: parsed catalogues by path, with the bytes they were parsed from
_catalogs: dict[Path, tuple[bytes, Catalog]] = {}


class SessionWorkspace(Workspace):
    """A workspace that parses its catalogue again only when the file's bytes change.

    A watch session asks for the catalogue on every check and every redraw;
    parsing the TOML costs tens of milliseconds (more on a busy machine),
    which would add to every save-to-verdict.
    """

    @classmethod
    def of(cls, workspace: Workspace) -> SessionWorkspace:
        return cls(**{f.name: getattr(workspace, f.name) for f in fields(workspace)})

    def catalog(self) -> Catalog:
        path = self.catalog_path
        try:
            data = path.read_bytes()
        except OSError:
            return load_catalog(path)  # let the loader say what is wrong
        cached = _catalogs.get(path)
        if cached is not None and cached[0] == data:
            return cached[1]
        catalog = load_catalog(path)
        _catalogs[path] = (data, catalog)
        return catalog


@dataclass
class Check:
    """One running check: how far it got, and a way to stop it."""

    exercise: Exercise
    cancel: threading.Event = field(default_factory=threading.Event)

    def stop(self) -> None:
        self.cancel.set()

    @property
    def stopped(self) -> bool:
        return self.cancel.is_set()


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
    def open(cls, workspace: Workspace, lang: str, exercise_id: str | None = None) -> WatchSession:
        workspace = SessionWorkspace.of(workspace)
        catalog = workspace.catalog()
        exercise = catalog.get(exercise_id) if exercise_id else first_unpassed(workspace)
        if exercise is None:
            raise LearnError(text("ui_watch_pick_one"))
        session = cls(workspace, lang, exercise)
        session.engine.start()
        return session

    @property
    def path(self) -> Path:
        return self.workspace.exercise_path(self.current)

    def catalog(self) -> Catalog:
        return self.workspace.catalog()

    def progress(self) -> Progress:
        return load_progress(self.workspace.progress_path)

    def status(self, exercise: Exercise | None = None) -> str:
        """passed / failing / not started, as recorded by the last check."""
        return self.progress().status((exercise or self.current).id)

    def new_check(self) -> Check:
        return Check(self.current)

    def check(self, running: Check | None = None, on_case: CaseProgress | None = None) -> ExerciseResult:
        """Grade the current exercise's file now; raises `Cancelled` when `running` is stopped."""
        running = running or self.new_check()
        exercise = running.exercise
        result = check_exercise(self.workspace, exercise.id, engine=self.engine, cache=self.cache,
                                on_frame=case_counter(exercise, self.lang, on_case), cancel=running.cancel)
        if exercise == self.current:
            self.last = result
        return result

    def check_all(self, running: Check, on_result: Callable[[Exercise, ExerciseResult], None] | None = None,
                  ) -> list[tuple[Exercise, ExerciseResult]]:
        """Grade every exercise in course order (recording progress), until done or stopped."""
        graded = []
        for exercise in self.catalog().exercises:
            if running.stopped:
                raise Cancelled()
            try:
                result = check_exercise(self.workspace, exercise.id, engine=self.engine, cache=self.cache,
                                        cancel=running.cancel)
            except LearnError:
                continue  # a missing file is that exercise's problem; the others still get checked
            graded.append((exercise, result))
            if on_result is not None:
                on_result(exercise, result)
        return graded

    def advance(self) -> bool:
        """Move to the next exercise not yet passed; False when there is none."""
        following = first_unpassed(self.workspace, after=self.current)
        if following is None:
            return False
        self.switch(following)
        return True

    def switch(self, exercise: Exercise) -> None:
        """Make `exercise` the current one; its verdict is unknown until it is checked."""
        self.current, self.last = exercise, None

    def view(self) -> ExerciseView:
        """The current exercise's statement, as `learn show` gives it."""
        return practice.exercise_view(self.workspace, self.current.id)

    def reveal_hint(self) -> HintLevels:
        """The next hint level of the current exercise, remembered as `learn hint` does."""
        return practice.reveal_hints(self.workspace, self.current.id)

    def reset(self, exercise: Exercise) -> ResetOutcome:
        """Restore an exercise's starter after backing up the learner's version, as `learn reset` does."""
        return resetting.reset_exercise(self.workspace, exercise.id)

    def watch_saves(self, stop: threading.Event, on_save: Callable[[str], object]) -> threading.Thread:
        """Call `on_save(path)` for every .py file saved below the workspace's exercises/, until `stop` is set."""
        return watch_saves(self.workspace.root / "exercises", None, stop, on_save=on_save)

    def close(self) -> None:
        self.engine.close()


def watch_session(workspace: Workspace, lang: str, exercise_id: str | None,
                  ui: Callable[[WatchSession], int]) -> int:
    """Open a session on `exercise_id` (default: the first not passed), let `ui` drive it until the learner quits,
    then close it whatever happened; return the UI's exit code.

    Closing kills the session's workers, and with them any check still waiting for one.
    """
    session = WatchSession.open(workspace, lang, exercise_id)
    try:
        return ui(session)
    finally:
        session.close()


def case_counter(exercise: Exercise, lang: str, on_case: CaseProgress | None) -> Callable[[Frame], None] | None:
    """A frame callback that reports each case of `exercise` as the learner's probe finishes it."""
    if on_case is None:
        return None
    suite = load_suite(exercise)
    names = {case.index: case.name.get(lang) for case in suite.cases}
    seen: set[int] = set()

    def on_frame(frame: Frame) -> None:
        if frame.kind != FrameKind.CASE or frame.index not in names:
            return  # only the case numbers of our own suite are shown; anything else is not progress
        seen.add(frame.index)
        on_case(len(seen), len(names), names[frame.index])

    return on_frame


def first_unpassed(workspace: Workspace, after: Exercise | None = None) -> Exercise | None:
    """The first exercise (after `after`, wrapping around) whose status is not passed."""
    return practice.first_unpassed(workspace.catalog(), load_progress(workspace.progress_path), after)


def watch_saves(folder: Path, events: queue.Queue[tuple[str, str]] | None, stop: threading.Event,
                on_save: Callable[[str], object] | None = None) -> threading.Thread:
    """Report every changed .py file below `folder` until `stop` is set.

    Each save goes to `on_save(path)` when given, else on `events` as ("saved", path).
    """

    def run() -> None:
        for changes in watchfiles.watch(folder, stop_event=stop, debounce=100, step=20, raise_interrupt=False):
            for _, changed in changes:
                if changed.endswith(".py"):
                    if on_save is not None:
                        on_save(changed)
                    elif events is not None:
                        events.put(("saved", changed))

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread
