"""`learn watch` on a full screen that redraws in place (Textual).

Textual rather than Rich `Live`: the screen needs real key handling while
checks run (an event loop, not a blocking read), a scrollable verdict that
can jump to the first failure, an interactive list with a confirmation
dialog, and a footer that always fits the window. Textual gives all of that
on the alternate screen, draws with the same Rich renderables `learn check`
prints, and can be driven headless in tests (`App.run_test`).

Checks run in background threads (a watch session's `Check`); they talk to
the screen only through messages, which Textual accepts from any thread. A
newer save, a switch of exercise or `q` stops the running check at once:
its probes' process groups are killed.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, Static

from grader.course.catalog import Exercise
from grader.course.progress import PASSED
from grader.errors import Cancelled, LearnError
from grader.render import practice as render_practice
from grader.render import terminal as render
from grader.results import ExerciseResult
from grader.text.i18n import msg

if TYPE_CHECKING:  # the screen drives a session it is given; it never opens one
    from grader.usecases.watch import Check, WatchSession

VERDICT, STATEMENT, HINTS = "verdict", "statement", "hints"
#: the exit code of an interrupted command (128 + SIGINT), as `learn check` uses it
INTERRUPTED = 130
MAIN_SCREEN_ACTIONS = {"hint", "statement", "verdict", "list", "next", "check_all"}
SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"


def bind_keys(node: DOMNode, lang: str, keys: list[tuple[str, str, str]]) -> None:
    """Bind (key, action, label message key) on `node`, labelled in the learner's language.

    Textual reads BINDINGS when a class is defined; the language is known only at run time.
    """
    for key, action, label in keys:
        node._bindings.bind(key, action, msg(label, lang) if label else "", show=bool(label))


# ---- messages from background threads ---------------------------------------------------


class Saved(Message):
    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path


class CaseDone(Message):
    def __init__(self, check: Check, done: int, total: int, name: str) -> None:
        super().__init__()
        self.check, self.done, self.total, self.name = check, done, total, name


class CheckFinished(Message):
    def __init__(self, check: Check, result: ExerciseResult | None, error: str = "") -> None:
        super().__init__()
        self.check, self.result, self.error = check, result, error


class ExerciseChecked(Message):
    def __init__(self, check: Check, done: int, total: int, exercise: Exercise, result: ExerciseResult) -> None:
        super().__init__()
        self.check, self.done, self.total, self.exercise, self.result = check, done, total, exercise, result


class AllChecked(Message):
    def __init__(self, check: Check, graded: list[tuple[Exercise, ExerciseResult]], error: str = "") -> None:
        super().__init__()
        self.check, self.graded, self.error = check, graded, error


# ---- the main screen ------------------------------------------------------------------------


class WatchApp(App[None]):
    """Header, course progress, status line, the verdict (or statement, or hints), and the keys."""

    CSS = """
    #header { height: 1; background: $primary; color: $text; padding: 0 1; }
    #course { height: 1; padding: 0 1; }
    #status { height: 1; padding: 0 1; }
    #body { height: 1fr; padding: 0 1; }
    #view { width: 100%; }
    """
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, session: WatchSession, lang: str, *, watch_files: bool = True) -> None:
        super().__init__()
        self.session, self.lang = session, lang
        self.mode = VERDICT
        self.result: ExerciseResult | None = None  #: the current exercise's latest verdict
        self.running: Check | None = None
        self.activity = ""  #: what the status line says while a check runs
        self.notice = ""  #: a short message for the status line (a key that cannot act now)
        self.hints_shown = 0
        self.hint_newly_revealed = False
        self._watch_files = watch_files
        self._stop_watching = threading.Event()
        self._spin = 0
        bind_keys(self, lang, [
            ("h", "hint", "ui_key_hint"), ("s", "statement", "ui_key_statement"), ("l", "list", "ui_key_list"),
            ("n", "next", "ui_key_next"), ("a", "check_all", "ui_key_check_all"), ("q", "quit", "ui_key_quit"),
            ("escape", "verdict", ""),
        ])
        # Ctrl-C is a key here (the terminal is raw): it stops everything at once, like q, but as an interruption.
        self._bindings.bind("ctrl+c", "interrupt", show=False, priority=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The main screen's keys act only there, not under the list or a question."""
        return not (action in MAIN_SCREEN_ACTIONS and len(self.screen_stack) > 1)

    def compose(self) -> ComposeResult:
        yield Static(id="header")
        yield Static(id="course")
        yield Static(id="status")
        with VerticalScroll(id="body"):
            yield Static(id="view")
        yield Footer()

    async def on_mount(self) -> None:
        if self._watch_files:
            self.session.watch_saves(self._stop_watching, on_save=lambda path: self.post_message(Saved(path)))
        self.set_interval(0.1, self._tick)
        self.start_check()
        await self.redraw()

    # ---- drawing ----

    async def redraw(self) -> None:
        self.draw_header()
        self.draw_status()
        await self.draw_body()

    def draw_header(self) -> None:
        session, lang = self.session, self.lang
        catalog = session.catalog()
        exercises = list(catalog.exercises)
        progress = session.progress()
        status = progress.status(session.current.id)
        header = Table.grid(expand=True, padding=(0, 0, 0, 2))
        header.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        header.add_column(no_wrap=True, justify="right")
        title = msg("ui_watch_header", lang, number=exercises.index(session.current) + 1, total=len(exercises),
                    exercise=session.current.id, title=session.current.title.get(lang))
        header.add_row(Text(title, style="bold"),
                       Text(msg("ui_watch_status", lang, status=render.status_label(status, lang)),
                            style=render.STATUS_STYLE.get(status, "")))
        self.query_one("#header", Static).update(header)
        passed = sum(progress.status(e.id) == PASSED for e in exercises)
        course = Table.grid(expand=True, padding=(0, 1))
        course.add_column(no_wrap=True)
        course.add_column(ratio=1)
        course.add_row(Text(msg("ui_watch_course", lang, passed=passed, total=len(exercises))),
                       ProgressBar(total=max(len(exercises), 1), completed=passed, complete_style="green"))
        self.query_one("#course", Static).update(course)

    def draw_status(self) -> None:
        if self.running is not None:
            line = Text(f"{SPINNER[self._spin % len(SPINNER)]} {self.activity}", style="yellow")
        elif self.notice:
            line = Text(self.notice, style="yellow")
        elif self.result is None:
            line = Text(msg("ui_watch_not_checked", self.lang, file=self.shown_file()), style="dim")
        elif self.result.passed:
            line = Text(msg("ui_watch_footer_passed", self.lang), style="bold green")
        else:
            line = Text(msg("ui_watch_footer", self.lang, file=self.shown_file()), style="dim")
        self.query_one("#status", Static).update(line)

    async def draw_body(self) -> None:
        """One widget for the whole view: updating it in place is much cheaper than mounting one per block."""
        parts: list[RenderableType] = []
        if self.mode == STATEMENT:
            parts.append(self.statement())
        else:
            if self.mode == HINTS:
                parts.append(self.hints())
            parts += self.verdict_parts()
        body = self.query_one("#body", VerticalScroll)
        self.query_one("#view", Static).update(Group(*parts))
        target = self.first_failure(parts) if self.mode == VERDICT else None
        width = body.scrollable_content_region.width or self.size.width - 4  # before the first layout: about it
        lines = self.lines_before(parts[:target], width) if target else 0
        self.call_after_refresh(body.scroll_to, y=lines, animate=False)

    def lines_before(self, parts: list[RenderableType], width: int) -> int:
        """How many lines `parts` take at `width`: where the first failure starts in the view."""
        options = self.console.options.update_width(max(width, 1))
        return len(self.console.render_lines(Group(*parts), options, pad=False))

    def verdict_parts(self) -> list[RenderableType]:
        """The verdict as `learn check` prints it, one part per block, without its `learn check` footer."""
        if self.result is None:
            return [self.statement()] if self.mode == VERDICT else []
        parts = list(render.exercise_result(self.result, self.lang).renderables)
        return parts[:-1]  # the last line tells how to run `learn check` again: here a save does that

    def first_failure(self, parts: list[RenderableType]) -> int | None:
        """Where the first failed case starts, so the verdict opens where there is something to fix."""
        if self.result is None or self.result.passed or self.result.message.get(self.lang):
            return None  # nothing failed, or a problem with the whole file, which is shown at the top
        failed = next((case for case in self.result.cases if not case.passed), None)
        if failed is None:
            return None
        mark = f"✗ {failed.name.get(self.lang)}"  # how render.exercise_result starts a failed case
        return next((i for i, part in enumerate(parts) if isinstance(part, Text) and part.plain == mark), None)

    def statement(self) -> RenderableType:
        view = self.session.view()
        parts = list(render_practice.exercise_view(view, len(self.session.catalog().exercises), self.lang).renderables)
        return Group(*parts[:-1])  # without "run `learn check`": a save checks it here

    def hints(self) -> RenderableType:
        exercise = self.session.current
        lines = list(render.hints(exercise, self.lang, shown=self.hints_shown,
                                  newly_revealed=self.hint_newly_revealed).renderables)
        total = len(exercise.hints)
        if total:
            lines = lines[:-1]  # the line about running `learn hint` again: here it is the h key
            key = "ui_watch_hint_more" if self.hints_shown < total else "ui_watch_hint_last"
            lines.append(Text(msg(key, self.lang, next=self.hints_shown + 1, total=total), style="dim"))
        return Group(*lines, Text(""))

    def shown_file(self) -> str:
        return render_practice.shown_path(self.session.path)

    def _tick(self) -> None:
        if self.running is not None:
            self._spin += 1
            self.draw_status()

    # ---- checks ----

    def start_check(self) -> None:
        """Check the current exercise in the background; a check still running is stopped first."""
        self.stop_running()
        check = self.session.new_check()
        self.running, self.notice = check, ""
        self.activity = msg("ui_watch_checking", self.lang, file=self.shown_file())
        self.draw_status()

        def on_case(done: int, total: int, name: str) -> None:
            self.post_message(CaseDone(check, done, total, name))

        def run() -> None:
            try:
                result = self.session.check(check, on_case)
            except Cancelled:
                return
            except LearnError as exc:
                self.post_message(CheckFinished(check, None, exc.in_lang(self.lang)))
                return
            except Exception as exc:  # a grader bug must not take the screen down with it
                self.post_message(CheckFinished(check, None, f"{type(exc).__name__}: {exc}"))
                return
            self.post_message(CheckFinished(check, result))

        threading.Thread(target=run, name="learn-watch-check", daemon=True).start()

    def stop_running(self) -> None:
        if self.running is not None:
            self.running.stop()
            self.running = None

    def on_saved(self, message: Saved) -> None:
        if _same_file(message.path, self.session.path):
            self.start_check()

    def on_case_done(self, message: CaseDone) -> None:
        if message.check is self.running:
            self.activity = msg("ui_watch_checking_cases", self.lang, done=message.done, total=message.total,
                                case=message.name)
            self.draw_status()

    async def on_check_finished(self, message: CheckFinished) -> None:
        if message.check is not self.running:
            return  # a check that was replaced by a newer one
        self.running = None
        if message.result is None:
            self.notice = message.error
            self.draw_status()
            return
        self.result = message.result
        self.mode = VERDICT  # a save asks for the verdict, opened at its first failure
        await self.redraw()

    def on_exercise_checked(self, message: ExerciseChecked) -> None:
        if message.check is self.running:
            self.activity = msg("ui_watch_checking_all", self.lang, done=message.done, total=message.total,
                                exercise=message.exercise.id)
            self.draw_status()
            self.draw_header()

    async def on_all_checked(self, message: AllChecked) -> None:
        if message.check is not self.running:
            return
        self.running = None
        if message.error:
            self.notice = message.error
            self.draw_status()
            return
        results = {exercise.id: result for exercise, result in message.graded}
        passed = sum(result.passed for result in results.values())
        self.notice = msg("ui_watch_all_checked", self.lang, passed=passed, total=len(results))
        current = self.session.current
        if current.id in results and results[current.id].passed:
            following = next((e for e, r in message.graded if not r.passed), None)
            if following is not None:
                self.session.switch(following)
        self.result = results.get(self.session.current.id, self.result)
        self.mode = VERDICT
        await self.redraw()

    # ---- keys ----

    async def action_hint(self) -> None:
        try:
            levels = self.session.reveal_hint()
        except LearnError as exc:
            self.notice = exc.in_lang(self.lang)
            self.draw_status()
            return
        except OSError as exc:  # a read-only workspace: say so and keep the screen
            self.notice = f"{exc.filename}: {exc.strerror}"
            self.draw_status()
            return
        self.hints_shown, self.hint_newly_revealed = levels.shown, levels.newly_revealed
        self.mode = HINTS
        await self.draw_body()

    async def action_statement(self) -> None:
        self.mode = VERDICT if self.mode == STATEMENT else STATEMENT
        await self.draw_body()

    async def action_verdict(self) -> None:
        self.mode = VERDICT
        await self.draw_body()

    async def action_next(self) -> None:
        passed = (self.result is not None and self.result.passed) or self.session.status() == PASSED
        if not passed:
            self.notice = msg("ui_watch_next_locked", self.lang)
            self.draw_status()
            return
        if not self.session.advance():
            self.notice = msg("ui_watch_all_done", self.lang)
            self.draw_status()
            return
        await self.show_exercise()

    async def show_exercise(self) -> None:
        """The current exercise was switched: show its statement; its status stays as recorded until checked."""
        self.stop_running()
        self.result, self.notice, self.hints_shown = None, "", 0
        self.mode = STATEMENT
        await self.redraw()

    def action_list(self) -> None:
        self.push_screen(ExerciseList(self.session, self.lang), self.on_list_closed)

    async def on_list_closed(self, chosen: Exercise | None) -> None:
        self.draw_header()  # a reset from the list may have changed statuses
        if chosen is not None and chosen != self.session.current:
            self.session.switch(chosen)
            await self.show_exercise()

    def action_check_all(self) -> None:
        self.stop_running()
        check = self.session.new_check()
        self.running, self.notice = check, ""
        total = len(self.session.catalog().exercises)
        self.activity = msg("ui_watch_checking_all", self.lang, done=0, total=total, exercise="")
        self.draw_status()
        counter = [0]

        def on_result(exercise: Exercise, result: ExerciseResult) -> None:
            counter[0] += 1
            self.post_message(ExerciseChecked(check, counter[0], total, exercise, result))

        def run() -> None:
            try:
                graded = self.session.check_all(check, on_result)
            except Cancelled:
                return
            except Exception as exc:  # a grader bug must not take the screen down with it
                self.post_message(AllChecked(check, [], f"{type(exc).__name__}: {exc}"))
                return
            self.post_message(AllChecked(check, graded))

        threading.Thread(target=run, name="learn-watch-all", daemon=True).start()

    async def action_quit(self) -> None:
        self.stop_running()
        self._stop_watching.set()
        self.exit(return_code=0)

    async def action_interrupt(self) -> None:
        self.stop_running()
        self._stop_watching.set()
        self.exit(return_code=INTERRUPTED)


def _same_file(changed: str, current: Path) -> bool:
    try:
        return os.path.samefile(changed, current)
    except OSError:
        return False  # deleted or renamed away: wait for the next save


# ---- the exercise list and its confirmation --------------------------------------------------


class ExerciseList(Screen[Exercise | None]):
    """Every exercise with its status: arrows move, Enter opens, r resets (after a confirmation)."""

    CSS = """
    ExerciseList #list-title { height: 1; padding: 0 1; background: $primary; }
    ExerciseList DataTable { height: 1fr; }
    """

    def __init__(self, session: WatchSession, lang: str) -> None:
        super().__init__()
        self.session, self.lang = session, lang
        bind_keys(self, lang, [("enter", "open", "ui_key_open"), ("r", "reset", "ui_key_reset"),
                               ("escape", "back", "ui_key_back"), ("q", "back", "")])

    def compose(self) -> ComposeResult:
        yield Static(Text(msg("ui_watch_list_title", self.lang), style="bold"), id="list-title")
        yield DataTable(cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key in ("ui_col_number", "ui_col_id", "ui_col_title", "ui_col_status"):
            table.add_column(msg(key, self.lang))
        self.fill()
        table.move_cursor(row=list(self.session.catalog().exercises).index(self.session.current))
        table.focus()

    def fill(self) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        progress = self.session.progress()
        for number, exercise in enumerate(self.session.catalog().exercises, start=1):
            status = progress.status(exercise.id)
            table.add_row(str(number), exercise.id, exercise.title.get(self.lang),
                          Text(render.status_label(status, self.lang), style=render.STATUS_STYLE.get(status, "")),
                          key=exercise.id)
        table.move_cursor(row=row)

    def highlighted(self) -> Exercise:
        return self.session.catalog().exercises[self.query_one(DataTable).cursor_row]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.dismiss(self.highlighted())

    def action_open(self) -> None:
        self.dismiss(self.highlighted())

    def action_back(self) -> None:
        self.dismiss(None)

    def action_reset(self) -> None:
        exercise = self.highlighted()
        question = msg("ui_watch_reset_confirm", self.lang, exercise=exercise.id)
        self.app.push_screen(Confirm(question, self.lang), lambda yes: self.reset(exercise, yes))

    def reset(self, exercise: Exercise, confirmed: bool | None) -> None:
        if not confirmed:
            self.notify(msg("ui_watch_reset_kept", self.lang))
            return
        try:
            outcome = self.session.reset(exercise)
        except LearnError as exc:
            self.notify(exc.in_lang(self.lang), severity="error")
            return
        except OSError as exc:  # a read-only workspace: say so, keep the screen
            self.notify(f"{exc.filename}: {exc.strerror}", severity="error")
            return
        lines = render_practice.reset_outcome(outcome, self.lang).renderables
        self.notify("\n".join(line.plain for line in lines if isinstance(line, Text)), timeout=8)
        self.fill()


class Confirm(ModalScreen[bool]):
    """A yes/no question: y or Enter confirms, n or Esc declines."""

    CSS = """
    Confirm { align: center middle; }
    Confirm > Vertical { width: 64; height: auto; border: thick $warning; padding: 1 2; background: $surface; }
    """

    def __init__(self, question: str, lang: str) -> None:
        super().__init__()
        self.question, self.lang = question, lang
        bind_keys(self, lang, [("y", "answer(True)", "ui_key_yes"), ("n", "answer(False)", "ui_key_no"),
                               ("escape", "answer(False)", "")])

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.question))
            yield Static(Text(f"y {msg('ui_key_yes', self.lang)} · n {msg('ui_key_no', self.lang)}", style="bold"))

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


def run_watch(session: WatchSession, lang: str) -> int:
    """Run the screen until the learner quits; the exit code (0, or INTERRUPTED after Ctrl-C)."""
    app = WatchApp(session, lang)
    app.run()
    return app.return_code or 0

