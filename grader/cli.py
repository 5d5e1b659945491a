"""The `learn` command line: parse arguments, call a service, render. No logic here."""

from __future__ import annotations

import contextlib
import functools
import signal
import sys
import threading
from pathlib import Path
from typing import Annotated, Any, Callable, Iterator, Optional

import typer
import typer.main
from rich.console import Console
from rich.markup import escape

from grader import render
from grader.errors import LearnError
from grader.i18n import msg, resolve_lang, set_run_lang
from grader.progress import load_progress
from grader.workspace import Workspace

app = typer.Typer(
    name="learn",
    help="Practice PyTorch: exercises graded against a reference, with explanations. 练习 PyTorch。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)


def emit(renderable: Any) -> None:
    """Print a view: wrapped to a terminal's width, or, piped, each line whole and without trailing spaces."""
    if console.is_terminal:
        console.print(renderable)
        return
    with console.capture() as captured:
        console.print(renderable, soft_wrap=True)
    console.file.write("\n".join(line.rstrip() for line in captured.get().split("\n")))

#: help panels, so `learn --help` groups the commands by who uses them
PRACTICE, TEACHING, SETUP = "Practice / 练习", "Teaching / 教学", "Set-up / 设置"

LangOption = Annotated[
    Optional[str],
    typer.Option("--lang", metavar="en|zh", help="Language of the output: en or zh (default: $LEARN_LANG or en).")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print a machine-readable JSON result.")]
ExerciseArg = Annotated[
    str, typer.Argument(metavar="ID", help="The exercise id, as shown by `learn list`.", show_default=False)
]
MaybeExerciseArg = Annotated[
    Optional[str],
    typer.Argument(metavar="ID", help="The exercise id, as shown by `learn list` (default: the next exercise).",
                   show_default=False),
]


def friendly_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn a LearnError (or a file the system refused) into one red line on stderr and exit code 2."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except LearnError as exc:
            language = output_lang(kwargs.get("lang"))
            print_error(exc.in_lang(language), language)
            raise typer.Exit(exc.exit_code) from None
        except OSError as exc:  # a read-only or vanished folder: say which file and why, never a traceback
            language = output_lang(kwargs.get("lang"))
            print_error(msg("err_os", language, path=exc.filename or "?", reason=exc.strerror or exc), language)
            raise typer.Exit(2) from None

    return wrapper


def output_lang(option: str | None) -> str:
    """The language for an error line: like resolve_lang, but English when the language itself is the error."""
    try:
        return resolve_lang(option)
    except LearnError:
        return "en"


def print_error(message: str, lang: str) -> None:
    """One red line on stderr: `error: …` / `错误：…`."""
    prefix = escape(msg("ui_error_prefix", lang))
    err_console.print(f"[red]{prefix}[/]{escape(message)}", markup=True, highlight=False, soft_wrap=True)


def print_version(value: bool) -> None:
    if value:
        console.print(f"learn {package_version()}", highlight=False)
        raise typer.Exit(0)


def package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("learn-pytorch")
    except PackageNotFoundError:
        return "unknown"


@app.callback()
def learn_options(
    lang: LangOption = None,
    show_version: Annotated[
        bool, typer.Option("--version", help="Print the version and exit.", is_eager=True, callback=print_version)
    ] = False,
) -> None:
    """Options for every command: `learn --lang zh COMMAND` speaks Chinese throughout."""
    set_run_lang(lang)


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
        Optional[Path], typer.Option("--file", "-f", help="Grade this file instead of the one in exercises/.")
    ] = None,
    lang: LangOption = None,
    as_json: JsonOption = False,
) -> None:
    """Grade an exercise (default: the one you are on) and explain every failed check. Exit 0 passed, 1 failed, 2 usage error."""
    from grader.practice import current_exercise_id, source_problem
    from grader.service import check_exercise

    language = resolve_lang(lang)
    ws = Workspace.discover()
    exercise_id = exercise or current_exercise_id(ws)
    learner_file = file if file is not None else ws.exercise_path(ws.catalog().get(exercise_id))
    problem = source_problem(learner_file) if learner_file.suffix == ".py" else None
    if problem is not None:  # Python would only say "syntax error at line ?" or grade it silently
        raise LearnError(problem)
    cancel = threading.Event()
    with interrupt_stops(cancel, language), checking_status(exercise_id, language, live=not as_json) as on_frame:
        result = check_exercise(ws, exercise_id, file=file, lang=language, cancel=cancel, on_frame=on_frame)
    if as_json:
        render.print_json(console, result.to_dict())
    else:
        emit(render.exercise_result(result, language, checked_file=str(file) if file is not None else None))
    raise typer.Exit(0 if result.passed else 1)


@contextlib.contextmanager
def interrupt_stops(cancel: threading.Event, lang: str) -> Iterator[None]:
    """Ctrl-C kills the running probes' process groups at once, says "interrupted" and exits 130.

    Without this the main thread would wait for the probe threads, which
    only notice the interruption at the probe's time limit.
    """

    def stop(signum: int, frame: object) -> None:
        cancel.set()  # every probe collector kills its probe's process group on its next tick
        shared_engine().stop()  # and a run still waiting for a worker to import torch stops waiting
        raise KeyboardInterrupt

    from grader.engine import shared_engine
    from grader.runner import Cancelled

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
def checking_status(exercise_id: str, lang: str, *, live: bool) -> Iterator[Callable[[dict[str, Any]], None] | None]:
    """A spinner with the cases done so far, on a terminal only; piped output gets nothing extra."""
    if not live or not console.is_terminal:
        yield None
        return
    label = msg("ui_checking", lang, exercise=exercise_id)
    cases_done = 0
    with console.status(label, spinner="dots") as status:

        def on_frame(frame: dict[str, Any]) -> None:
            nonlocal cases_done
            if frame.get("kind") == "case":
                cases_done += 1
                status.update(f"{label} {msg('ui_checking_cases', lang, done=cases_done)}")

        yield on_frame


# Commands defined in their own modules register themselves on `app` when imported.
from grader.commands import grade, gradescope, practice, watch  # noqa: E402,F401


def main() -> None:
    """Run the Typer app (see grader.entry for the `learn` script itself), its help in the learner's language."""
    from grader.help_text import lang_from_argv, localize

    command = typer.main.get_command(app)
    localize(command, lang_from_argv(sys.argv[1:]))
    try:
        command(prog_name="learn")
    except KeyboardInterrupt:
        err_console.print(msg("ui_interrupted", output_lang(None)))
        sys.exit(130)
