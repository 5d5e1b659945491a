"""What every `learn` command shares: the Typer app, its consoles, options and error handling."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Annotated, Any

import typer
import typer.main
from rich.console import Console
from rich.markup import escape

from grader.errors import LearnError
from grader.text.i18n import msg, resolve_lang, set_run_lang
from grader.versions import learn_version

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
    str | None,
    typer.Option("--lang", metavar="en|zh", help="Language of the output: en or zh (default: $LEARN_LANG or en).")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print a machine-readable JSON result.")]
ExerciseArg = Annotated[
    str, typer.Argument(metavar="ID", help="The exercise id, as shown by `learn list`.", show_default=False)
]
MaybeExerciseArg = Annotated[
    str | None,
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
        console.print(f"learn {learn_version()}", highlight=False)
        raise typer.Exit(0)




@app.callback()
def learn_options(
    lang: LangOption = None,
    show_version: Annotated[
        bool, typer.Option("--version", help="Print the version and exit.", is_eager=True, callback=print_version)
    ] = False,
) -> None:
    """Options for every command: `learn --lang zh COMMAND` speaks Chinese throughout."""
    set_run_lang(lang)
