"""The `learn` command line: parse arguments, call a service, render. No logic here."""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Annotated, Any, Callable, Optional

import typer
from rich.console import Console

from grader import render
from grader.errors import LearnError
from grader.i18n import msg, resolve_lang
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

#: help panels, so `learn --help` groups the commands by who uses them
PRACTICE, TEACHING, SETUP = "Practice / 练习", "Teaching / 教学", "Set-up / 设置"

LangOption = Annotated[
    Optional[str], typer.Option("--lang", help="Language of the output: en or zh (default: $LEARN_LANG or en).")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print a machine-readable JSON result.")]
ExerciseArg = Annotated[str, typer.Argument(help="The exercise id, as shown by `learn list`.", show_default=False)]


def friendly_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn a LearnError into one red line on stderr and exit code 2."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except LearnError as exc:
            err_console.print(f"[red]error:[/] {exc.message}", markup=True, highlight=False)
            raise typer.Exit(exc.exit_code) from None

    return wrapper


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
    console.print(render.exercise_table(catalog, progress, language))


@app.command(rich_help_panel=PRACTICE)
@friendly_errors
def check(
    exercise: ExerciseArg,
    file: Annotated[
        Optional[Path], typer.Option("--file", "-f", help="Grade this file instead of the one in exercises/.")
    ] = None,
    lang: LangOption = None,
    as_json: JsonOption = False,
) -> None:
    """Grade an exercise and explain every failed check. Exit 0 passed, 1 failed, 2 usage error."""
    from grader.service import check_exercise

    language = resolve_lang(lang)
    result = check_exercise(Workspace.discover(), exercise, file=file, lang=language)
    if as_json:
        render.print_json(console, result.to_dict())
    else:
        console.print(render.exercise_result(result, language))
    raise typer.Exit(0 if result.passed else 1)


# Commands defined in their own modules register themselves on `app` when imported.
from grader.commands import grade, practice, watch  # noqa: E402,F401


def main() -> None:
    """Run the Typer app (see grader.entry for the `learn` script itself)."""
    try:
        app()
    except KeyboardInterrupt:
        err_console.print("interrupted")
        sys.exit(130)
