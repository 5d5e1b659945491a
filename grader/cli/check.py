"""learn list and learn check: the exercises and one exercise's verdict."""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from grader.cli.app import (
    PRACTICE,
    JsonOption,
    LangOption,
    MaybeExerciseArg,
    app,
    console,
    emit,
    err_console,
    friendly_errors,
)
from grader.course.progress import load_progress
from grader.course.workspace import Workspace
from grader.errors import LearnError
from grader.render import terminal as render
from grader.text.i18n import msg, resolve_lang

if TYPE_CHECKING:  # grader.wire and the use case load numpy: a check the daemon answers never needs them here
    from grader.usecases.daemon import CheckRequest
    from grader.wire import Frame


@app.command("list", rich_help_panel=PRACTICE)
@friendly_errors
def list_exercises(lang: LangOption = None, as_json: JsonOption = False) -> None:
    """Show every exercise in order with its status."""
    language = resolve_lang(lang)
    ws = Workspace.discover()
    catalog = ws.catalog()
    progress = load_progress(ws.progress_path)
    if as_json:
        render.print_json(console, render.list_json(catalog, progress, language))
        return
    if progress.recovered_from:
        err_console.print(msg("ui_progress_recovered", language, path=progress.recovered_from))
    emit(render.exercise_table(catalog, progress, language))


@app.command(rich_help_panel=PRACTICE)
@friendly_errors
def check(
    exercise: MaybeExerciseArg = None,
    file: Annotated[
        Path | None, typer.Option("--file", "-f", help="Grade this file instead of the one in exercises/.")
    ] = None,
    lang: LangOption = None,
    as_json: JsonOption = False,
    no_daemon: Annotated[
        bool, typer.Option("--no-daemon", help="Check in this process only, not through the warm background daemon.")
    ] = False,
) -> None:
    """Grade an exercise (default: the one you are on) and explain every failed check.

    Exit 0 passed, 1 failed, 2 usage error."""
    from grader.usecases import daemon
    from grader.usecases.practice import current_exercise_id, source_problem

    language = resolve_lang(lang)
    ws = Workspace.discover()
    exercise_id = exercise or current_exercise_id(ws)
    learner_file = file if file is not None else ws.exercise_path(ws.catalog().get(exercise_id))
    problem = source_problem(learner_file) if learner_file.suffix == ".py" else None
    if problem is not None:  # Python would only say "syntax error at line ?" or grade it silently
        raise LearnError(problem)
    cancel = threading.Event()
    with interrupt_stops(cancel, language), checking_status(exercise_id, language, live=not as_json) as on_frame:
        result = None
        if daemon.wanted(no_daemon):  # the user's warm daemon answers; without one, this process checks itself
            result = daemon.run_check_via_daemon(daemon_request(ws, exercise_id, file, language), on_frame=on_frame)
        if result is None:
            from grader.usecases.check import check_exercise

            result = check_exercise(ws, exercise_id, file=file, cancel=cancel, on_frame=on_frame)
    if as_json:
        render.print_json(console, result.to_dict(language))
    else:
        emit(render.exercise_result(result, language, checked_file=str(file) if file is not None else None))
    raise typer.Exit(0 if result.passed else 1)


def daemon_request(ws: Workspace, exercise_id: str, file: Path | None, lang: str) -> CheckRequest:
    """The check as the daemon needs it; what the check would refuse first is refused here, in the same words."""
    from grader.usecases.daemon import CheckRequest

    ws.catalog().get(exercise_id)
    if file is not None:
        from grader.usecases.check import submission_file

        file = submission_file(file)
    return CheckRequest(ws.root, ws.solutions, exercise_id, file, lang)


@contextlib.contextmanager
def interrupt_stops(cancel: threading.Event, lang: str) -> Iterator[None]:
    """Ctrl-C kills the running probes' process groups at once, says "interrupted" and exits 130.

    Without this the main thread would wait for the probe threads, which
    only notice the interruption at the probe's time limit.
    """

    def stop(signum: int, frame: object) -> None:
        cancel.set()  # every probe collector kills its probe's process group on its next tick
        engine = sys.modules.get("grader.engine.engine")  # loaded only where this process runs probes itself
        if engine is not None:
            engine.shared_engine().stop()  # and a run still waiting for a worker to import torch stops waiting
        raise KeyboardInterrupt

    from grader.errors import Cancelled

    in_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, stop) if in_main_thread else None
    try:
        yield
    except (KeyboardInterrupt, Cancelled):
        cancel.set()
        err_console.print(msg("ui_interrupted", lang), highlight=False)
        raise typer.Exit(130) from None
    finally:
        if in_main_thread:
            signal.signal(signal.SIGINT, previous)


@contextlib.contextmanager
def checking_status(exercise_id: str, lang: str, *, live: bool) -> Iterator[Callable[[Frame], None] | None]:
    """A spinner with the cases done so far, on a terminal only; piped output gets nothing extra."""
    if not live or not console.is_terminal:
        yield None
        return
    label = msg("ui_checking", lang, exercise=exercise_id)
    cases_done = 0
    with console.status(label, spinner="dots") as status:

        def on_frame(frame: Frame) -> None:
            nonlocal cases_done
            if frame.kind == "case":  # FrameKind.CASE, also what the daemon's progress says (daemon.CaseDone)
                cases_done += 1
                status.update(f"{label} {msg('ui_checking_cases', lang, done=cases_done)}")

        yield on_frame
