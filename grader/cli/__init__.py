"""The `learn` command line: parse arguments, call a use case, render its outcome. No logic here.

`app` holds what the commands share; each command module registers its
commands on it when imported, which this package does once, here.
"""

from __future__ import annotations

import sys

import typer
import typer.main

from grader.cli import check, daemon, grade, gradescope, practice, watch  # noqa: F401  (each registers its commands)
from grader.cli.app import app, err_console, output_lang
from grader.text.i18n import msg


def main() -> None:
    """Run the Typer app (see grader.cli.entry for the `learn` script itself), its help in the learner's language."""
    from grader.text.help import lang_from_argv, localize

    command = typer.main.get_command(app)
    localize(command, lang_from_argv(sys.argv[1:]))
    try:
        command(prog_name="learn")
    except KeyboardInterrupt:
        err_console.print(msg("ui_interrupted", output_lang(None)))
        sys.exit(130)
