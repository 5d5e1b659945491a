"""learn watch: re-check the current exercise on every save, on a redrawn screen."""

from __future__ import annotations

import contextlib
import os
import queue
import sys
import threading
from typing import Annotated, Iterator, Optional

import typer
from rich.text import Text

from grader import render
from grader.cli import PRACTICE, LangOption, app, console, friendly_errors
from grader.i18n import msg, resolve_lang
from grader.progress import load_progress
from grader.workspace import Workspace

KEYS = {"h", "n", "l", "q"}


@app.command(rich_help_panel=PRACTICE)
@friendly_errors
def watch(
    exercise: Annotated[Optional[str], typer.Argument(help="Start here (default: the first exercise not passed).")] = None,
    lang: LangOption = None,
) -> None:
    """Re-check the current exercise every time you save it. Keys: h hint, n next, l list, q quit."""
    from grader.watching import WatchSession, watch_saves

    language = resolve_lang(lang)
    session = WatchSession.open(Workspace.discover(), language, exercise)
    events: queue.Queue[tuple[str, str]] = queue.Queue()
    stop = threading.Event()
    watch_saves(session.workspace.root / "exercises", events, stop)
    try:
        with keys_to(events):
            _loop(session, events, language)
    finally:
        stop.set()
        session.close()


def _loop(session, events: "queue.Queue[tuple[str, str]]", lang: str) -> None:
    _redraw(session, lang, session.check())
    while True:
        try:
            kind, value = events.get()
        except KeyboardInterrupt:
            return
        if kind == "saved" and _same_file(value, session.path):
            _redraw(session, lang, session.check())
        elif kind == "key" and value == "q":
            return
        elif kind == "key" and value == "h":
            console.print(render.hints(session.current, lang))
        elif kind == "key" and value == "l":
            catalog = session.workspace.catalog()
            console.print(render.exercise_table(catalog, load_progress(session.workspace.progress_path), lang))
        elif kind == "key" and value == "n":
            if session.last is None or not session.last.passed:
                console.print(Text(msg("ui_watch_next_locked", lang), style="yellow"))
            elif session.advance():
                _redraw(session, lang, session.check())
            else:
                console.print(Text(msg("ui_watch_all_done", lang), style="bold green"))
                return


def _same_file(changed: str, current) -> bool:
    try:
        return os.path.samefile(changed, current)
    except OSError:
        return False  # deleted or renamed away: wait for the next save


def _redraw(session, lang: str, result) -> None:
    console.clear()
    console.rule(msg("ui_watch_title", lang, exercise=session.current.id, title=session.current.title.get(lang)))
    console.print(render.exercise_result(result, lang))
    key = "ui_watch_footer_passed" if result.passed else "ui_watch_footer"
    console.print(Text(msg(key, lang, file=str(session.path)), style="dim"))


@contextlib.contextmanager
def keys_to(events: "queue.Queue[tuple[str, str]]") -> Iterator[None]:
    """Deliver single key presses as ("key", ch) events while the block runs (only on a terminal)."""
    if not sys.stdin.isatty():
        yield
        return
    import termios
    import tty

    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)

    def read_keys() -> None:
        while True:
            try:
                ch = os.read(fd, 1).decode(errors="ignore").lower()
            except OSError:
                return
            if ch in KEYS:
                events.put(("key", ch))

    tty.setcbreak(fd)
    threading.Thread(target=read_keys, daemon=True).start()
    try:
        yield
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)
