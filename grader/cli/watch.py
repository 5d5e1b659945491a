"""learn watch: re-check the current exercise on every save, on a full screen that redraws in place."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from grader.cli.app import PRACTICE, LangOption, app, err_console, friendly_errors
from grader.course.workspace import Workspace
from grader.errors import LearnError
from grader.text.i18n import msg, resolve_lang, text


@app.command(rich_help_panel=PRACTICE)
@friendly_errors
def watch(
    exercise: Annotated[str | None, typer.Argument(help="Start here (default: the first exercise not passed).")] = None,
    lang: LangOption = None,
) -> None:
    """Re-check the current exercise every time you save it (also: `learn` alone). Keys: h hint, s statement, l list, n next, a check all, q quit."""  # noqa: E501 (help looks the text up whole)
    language = resolve_lang(lang)
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise LearnError(text("ui_watch_needs_terminal"))
    from grader.cli.watch_screen import INTERRUPTED, run_watch
    from grader.usecases.watch import watch_session

    code = watch_session(Workspace.discover(), language, exercise, lambda session: run_watch(session, language))
    if code == INTERRUPTED:
        err_console.print(msg("ui_interrupted", language), highlight=False)
    raise typer.Exit(code)
