"""The `learn` script: start the first warm worker before loading the CLI.

Commands that run learner code spend most of their time waiting for a
worker to import torch. Starting it before Typer, Rich and the catalogue
are loaded lets that import overlap with all of the parent's own work.
A `learn check` that the user's warm daemon answers starts none.
"""

from __future__ import annotations

import sys

#: commands that run probes
PROBE_COMMANDS = {"check", "grade", "watch"}


def main() -> None:
    if len(sys.argv) == 1 and bare_learn_watches():
        sys.argv.append("watch")
    if len(sys.argv) > 1 and sys.argv[1] in PROBE_COMMANDS and "--help" not in sys.argv:
        from grader.usecases import daemon

        # A check the user's warm daemon will answer needs no worker here (see grader.usecases.daemon).
        if not (sys.argv[1] == "check" and daemon.connect_early(sys.argv)):
            from grader.engine.engine import LEARNER, LONG_SESSION_PRELOAD, shared_engine

            daemon.protect_folder()  # this process's probes never reach the daemon's socket
            # One check pays for torch only; a long session also preloads what later probes would each import.
            preload = ("torch",) if sys.argv[1] == "check" else LONG_SESSION_PRELOAD
            shared_engine(preload).start((LEARNER,))
    from grader.cli import main as run_cli

    run_cli()


def bare_learn_watches() -> bool:
    """`learn` alone, in a workspace and on a terminal, opens `learn watch` (as `rustlings` does); else the help."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return False
    from pathlib import Path

    from grader.course.workspace import find_workspace_root

    return find_workspace_root(Path.cwd()) is not None
