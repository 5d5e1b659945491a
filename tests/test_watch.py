"""learn watch: its session (checks, advancing, saves, stopping a check) and its screen.

The screen is tested twice: headless with Textual's Pilot for every key
(a stand-in session whose checks wait on a gate, so keys can be pressed while
a check runs), and in a real 80x24 pseudo-terminal running the real CLI.
"""

from __future__ import annotations

import asyncio
import io
import os
import queue
import shutil
import sys
import threading
import time
from pathlib import Path

import pexpect
import pyte
import pytest
from rich.console import Console

from grader.course.catalog import Exercise
from grader.course.progress import load_progress, save_progress
from grader.course.workspace import Workspace
from grader.engine.engine import Engine
from grader.errors import Cancelled, LearnError
from grader.results import PASSED, CaseResult, ExerciseResult
from grader.usecases.check import grade_file, load_suite
from grader.usecases.grade import unanswered
from grader.usecases.watch import Check, WatchSession, first_unpassed, watch_saves
from tests.helpers import ROOT

SOLUTION = ROOT / "solutions" / "05_convolution" / "conv_output_size.py"


# ---- the session ------------------------------------------------------------------------


def test_session_checks_and_advances(tmp_workspace):
    ws = Workspace.discover(tmp_workspace)
    session = WatchSession.open(ws, "en", "conv_output_size")
    try:
        assert not session.check().passed
        session.path.write_text(SOLUTION.read_text())
        seen: list[tuple[int, int, str]] = []
        assert session.check(on_case=lambda done, total, name: seen.append((done, total, name))).passed
        cases = load_suite(session.current).cases
        # every case was reported as it arrived, counting up to the suite's size
        assert [done for done, _, _ in seen] == list(range(1, len(cases) + 1))
        assert {name for _, _, name in seen} == {case.name.get("en") for case in cases}
        assert session.advance()
        assert session.current.id != "conv_output_size"
        assert first_unpassed(ws).id != "conv_output_size"
    finally:
        session.close()


def test_with_every_exercise_passed_watch_asks_which_one(tmp_workspace):
    ws = Workspace.discover(tmp_workspace)
    progress = load_progress(ws.progress_path)
    for exercise in ws.catalog().exercises:
        progress.record(exercise.id, True, 1.0, 1.0)
    save_progress(ws.progress_path, progress)
    with pytest.raises(LearnError) as raised:
        WatchSession.open(ws, "zh")
    assert "learn watch 练习名" in raised.value.in_lang("zh") and "learn watch ID" in raised.value.in_lang("en")


def test_saves_are_delivered(tmp_workspace):
    events: queue.Queue = queue.Queue()
    stop = threading.Event()
    target = tmp_workspace / "exercises" / "05_convolution" / "conv_output_size.py"
    thread = watch_saves(tmp_workspace / "exercises", events, stop)
    try:
        # watchfiles starts asynchronously: keep saving until the watcher reports it (bounded).
        for _ in range(100):
            target.write_text(target.read_text() + "\n")
            try:
                kind, path = events.get(timeout=0.2)
                break
            except queue.Empty:
                continue
        else:
            raise AssertionError("no save event")
        assert kind == "saved" and path.endswith("conv_output_size.py")
    finally:
        stop.set()
        thread.join(timeout=5)


def _processes() -> dict[int, tuple[int, int]]:
    """Every live process as {pid: (parent pid, session id)}, read from /proc."""
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()  # state, ppid, pgrp, session, ...
            if fields[0] != "Z":
                found[int(entry.name)] = (int(fields[1]), int(fields[3]))
    return found


def _descendants(pid: int) -> set[int]:
    """Every live process below `pid`."""
    table = _processes()
    below, frontier = set(), {pid}
    while frontier:
        frontier = {p for p, (parent, _) in table.items() if parent in frontier and p not in below}
        below |= frontier
    return below


def _probes_below(pid: int) -> set[int]:
    """The probes below `pid`: forked by a worker (not `pid`'s own children), each leading its own session."""
    table = _processes()
    return {p for p in _descendants(pid) if p in table and table[p][0] != pid and table[p][1] == p}


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process table from /proc")
def test_stopping_a_check_kills_its_probes(workspace, tmp_path):
    """A stopped check raises Cancelled and leaves no probe behind, long before its time limit."""
    exercise = workspace.catalog().get("conv_output_size")
    learner = tmp_path / "conv_output_size.py"
    learner.write_text("def conv_output_size(*args, **kwargs):\n    while True:\n        pass\n")
    engine = Engine()
    running = Check(exercise)
    started = threading.Event()
    outcome: list[object] = []

    def on_frame(frame: dict) -> None:
        started.set()  # the probe has imported the file: its first case is now looping

    def grade() -> None:
        try:
            # an hour's time limit: only the stop can end this probe while the test waits
            outcome.append(grade_file(exercise, learner, workspace.solution_path(exercise), timeout=3600,
                                      engine=engine, on_frame=on_frame, cancel=running.cancel))
        except Cancelled as exc:
            outcome.append(exc)

    thread = threading.Thread(target=grade, daemon=True)
    try:
        thread.start()
        assert started.wait(300), "the probe never reported"
        probes = _probes_below(os.getpid())
        assert probes, "the looping probe should be running now"
        running.stop()
        thread.join(120)
        assert not thread.is_alive(), "the check went on after it was stopped"
        assert len(outcome) == 1 and isinstance(outcome[0], Cancelled)
        assert not probes & set(_processes()), "a probe outlived its stopped check"
    finally:
        engine.close()


# ---- the screen, headless (Textual Pilot) -------------------------------------------------


class GatedSession(WatchSession):
    """A session whose checks wait for the test to open a gate, then fail or pass every case.

    It stands in for the engine only: hints, statements, the list, resets and progress are real.
    """

    def __init__(self, workspace: Workspace, exercise: Exercise) -> None:
        super().__init__(workspace, "en", exercise, engine=Engine(warm=False), cache=None)
        self.gate = threading.Event()
        self.passing = False
        self.checks: list[Check] = []

    def new_check(self) -> Check:
        check = super().new_check()
        self.checks.append(check)
        return check

    def check(self, running=None, on_case=None) -> ExerciseResult:
        running = running or self.new_check()
        if on_case is not None:  # the first case has run; the rest wait for the gate
            cases = load_suite(running.exercise).cases
            on_case(1, len(cases), cases[0].name.get("en"))
        while not self.gate.wait(0.05):
            if running.stopped:
                raise Cancelled()
        result = self._verdict(running.exercise)
        progress = load_progress(self.workspace.progress_path)
        progress.record(running.exercise.id, result.passed, result.score, result.max_score)
        save_progress(self.workspace.progress_path, progress)
        self.last = result
        return result

    def check_all(self, running, on_result=None):
        graded = []
        for exercise in list(self.catalog().exercises)[:3]:
            result = self._verdict(exercise)
            graded.append((exercise, result))
            if on_result:
                on_result(exercise, result)
        return graded

    def _verdict(self, exercise: Exercise) -> ExerciseResult:
        failed = unanswered(exercise, "failed", "not yet")
        if not self.passing:
            return failed
        cases = tuple(CaseResult(c.name, True, c.max_points, c.max_points) for c in failed.cases)
        return ExerciseResult(exercise.id, PASSED, cases)


def _screen_text(app) -> str:
    """Everything the app shows now, as plain text."""
    from textual.widgets import Static

    return "\n".join(_plain(widget.content) for widget in app.screen.query(Static))


def _plain(renderable) -> str:
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


async def _until(pilot, condition, rounds: int = 400) -> None:
    for _ in range(rounds):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("the screen never reached the expected state")


def _app(tmp_workspace, exercise_id: str = "conv_output_size"):
    from grader.cli.watch_screen import WatchApp

    ws = Workspace.discover(tmp_workspace)
    session = GatedSession(ws, ws.catalog().get(exercise_id))
    return session, WatchApp(session, "en", watch_files=False)


def test_keys_answer_while_a_check_runs(tmp_workspace):
    session, app = _app(tmp_workspace)

    async def scenario() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert app.running is not None  # the first check is held at the gate
            # live progress on the status line as cases arrive
            first_case = load_suite(session.current).cases[0].name.get("en")
            await _until(pilot, lambda: "checking… 1/" in _plain(app.query_one("#status").content))
            assert first_case in _plain(app.query_one("#status").content)
            await pilot.press("h")
            await _until(pilot, lambda: app.mode == "hints")
            # recorded like `learn hint`: one level more, remembered in the progress file
            assert load_progress(session.workspace.progress_path).hints_seen("conv_output_size") == 1
            assert "Hints for conv_output_size (1 of 3)" in _plain(app.hints())
            await pilot.press("s")
            await _until(pilot, lambda: app.mode == "statement")
            session.gate.set()
            await _until(pilot, lambda: app.result is not None)
            assert app.mode == "verdict" and not app.result.passed
            await pilot.press("h")
            await _until(pilot, lambda: app.hints_shown == 2)
            assert load_progress(session.workspace.progress_path).hints_seen("conv_output_size") == 2
            await pilot.press("q")
        assert app.return_code == 0

    asyncio.run(scenario())


def test_a_new_save_stops_the_running_check(tmp_workspace):
    from grader.cli.watch_screen import Saved

    session, app = _app(tmp_workspace)

    async def scenario() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            first = app.running
            app.post_message(Saved(str(session.path)))  # what the file watcher sends on a save
            await _until(pilot, lambda: app.running is not first and app.running is not None)
            assert first.stopped and not app.running.stopped
            app.post_message(Saved(str(tmp_workspace / "exercises" / "elsewhere.py")))  # another file: ignored
            await pilot.pause(0.2)
            assert len(session.checks) == 2
            await pilot.press("q")
            assert all(check.stopped for check in session.checks)  # q stops the running check too

    asyncio.run(scenario())


def test_ctrl_c_stops_the_check_and_quits_as_interrupted(tmp_workspace):
    from grader.cli.watch_screen import INTERRUPTED

    session, app = _app(tmp_workspace)

    async def scenario() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("ctrl+c")
        assert app.return_code == INTERRUPTED and session.checks[0].stopped

    asyncio.run(scenario())


def test_next_waits_for_a_pass_then_shows_the_next_statement(tmp_workspace):
    session, app = _app(tmp_workspace)
    session.gate.set()

    async def scenario() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await _until(pilot, lambda: app.result is not None)
            await pilot.press("n")
            await pilot.pause(0.1)
            assert session.current.id == "conv_output_size"
            assert "Pass this exercise first" in app.notice
            session.passing = True
            app.start_check()  # as a save would
            await _until(pilot, lambda: app.result is not None and app.result.passed)
            await pilot.press("n")
            await _until(pilot, lambda: session.current.id != "conv_output_size")
            following = session.current
            assert app.mode == "statement" and app.result is None
            shown = _screen_text(app)
            assert following.id in shown and following.title.get("en") in shown
            assert "status: not started" in shown  # never checked: not "failing"

    asyncio.run(scenario())


def test_the_list_opens_and_resets_an_exercise_after_asking(tmp_workspace):
    session, app = _app(tmp_workspace)
    session.gate.set()
    path = session.path
    starter = path.read_text()

    async def scenario() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await _until(pilot, lambda: app.result is not None)
            await pilot.press("l")
            await _until(pilot, lambda: type(app.screen).__name__ == "ExerciseList")
            await pilot.press("down", "enter")
            await _until(pilot, lambda: type(app.screen).__name__ != "ExerciseList")
            exercises = list(session.catalog().exercises)
            following = exercises[exercises.index(session.catalog().get("conv_output_size")) + 1]
            assert session.current == following and app.mode == "statement"
            assert following.title.get("en") in _screen_text(app)

            path.write_text("my own attempt\n")
            await pilot.press("l")
            await _until(pilot, lambda: type(app.screen).__name__ == "ExerciseList")
            await pilot.press("h", "n")  # the main screen's keys do nothing under the list
            assert load_progress(session.workspace.progress_path).hints_seen(following.id) == 0
            assert session.current == following
            await pilot.press("up", "r")
            await _until(pilot, lambda: type(app.screen).__name__ == "Confirm")
            await pilot.press("n")  # declined: nothing changes
            await _until(pilot, lambda: type(app.screen).__name__ == "ExerciseList")
            assert path.read_text() == "my own attempt\n"
            await pilot.press("r")
            await _until(pilot, lambda: type(app.screen).__name__ == "Confirm")
            await pilot.press("y")
            await _until(pilot, lambda: path.read_text() == starter)
            backups = list((tmp_workspace / ".learn" / "backups" / "conv_output_size").glob("*.py"))
            assert [b.read_text() for b in backups] == ["my own attempt\n"]
            await pilot.press("escape")
            await _until(pilot, lambda: type(app.screen).__name__ != "ExerciseList")
            await pilot.press("q")

    asyncio.run(scenario())


def test_check_all_reports_and_moves_past_a_passed_exercise(tmp_workspace):
    session, app = _app(tmp_workspace, "tensor_create")
    session.gate.set()

    async def scenario() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await _until(pilot, lambda: app.result is not None)
            await pilot.press("a")
            await _until(pilot, lambda: "Checked every exercise" in app.notice)
            assert "0 of 3 pass" in app.notice and session.current.id == "tensor_create"
            await pilot.press("q")

    asyncio.run(scenario())


# ---- the real CLI in a real 80x24 pseudo-terminal -----------------------------------------


class Terminal:
    """`learn` running in a pseudo-terminal, its screen kept by a VT100 emulator."""

    def __init__(self, args: list[str], cwd: Path, rows: int = 24, cols: int = 80) -> None:
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        env = {**os.environ, "TERM": "xterm-256color", "LEARN_LANG": "en"}
        learn = str(Path(sys.executable).parent / "learn")
        if not Path(learn).exists():
            learn = shutil.which("learn") or learn
        self.child = pexpect.spawn(learn, args, cwd=str(cwd), dimensions=(rows, cols), env=env)

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def pump(self, seconds: float = 0.1) -> None:
        try:
            self.stream.feed(self.child.read_nonblocking(1 << 16, timeout=seconds))
        except pexpect.TIMEOUT:
            pass

    def wait_for(self, condition, seconds: float = 300) -> None:
        """Read the screen until `condition(text)` holds; a generous bound, not a timing assertion."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.pump()
            if condition(self.text()):
                return
            if not self.child.isalive():
                break
        raise AssertionError("the screen never showed what was expected:\n" + self.text())


def test_watch_in_a_real_terminal(tmp_workspace):
    terminal = Terminal(["watch", "conv_output_size"], tmp_workspace)
    try:
        header = lambda text: text.splitlines()[0].lstrip().startswith("learn watch · ")  # noqa: E731
        # the first check of the starter fails, and the screen opens on its first failed case
        terminal.wait_for(lambda t: "✗ the notes' 5x5 input" in t and "save it to check again" in t)
        assert header(terminal.text()) and "status: failing" in terminal.text().splitlines()[0]
        learner_pid = terminal.child.pid

        terminal.child.send("h")
        terminal.wait_for(lambda t: "Hints for conv_output_size (1 of 3)" in t)
        assert header(terminal.text())
        progress = load_progress(tmp_workspace / ".learn" / "progress.json")
        assert progress.hints_seen("conv_output_size") == 1

        # a save triggers a check; a verdict taller than the screen (its printed output makes it so)
        # opens at the first failed case, right under the status line
        mutant = (ROOT / "tests" / "mutants" / "conv_output_size" / "no_dilation.py").read_text()
        noisy = mutant + "\nfor line in range(30):\n    print('debugging', line)\n"
        (tmp_workspace / "exercises" / "05_convolution" / "conv_output_size.py").write_text(noisy)
        terminal.wait_for(lambda t: t.splitlines()[3].startswith(" ✗ dilation 2 spreads a 3x3 kernel"))
        assert header(terminal.text())
        assert "✓ the notes' 5x5 input" not in terminal.text()  # the passed cases above it are scrolled away

        # the new verdict replaces the old one in place
        (tmp_workspace / "exercises" / "05_convolution" / "conv_output_size.py").write_text(SOLUTION.read_text())
        # (the status line may be painted a frame before the body: wait for both, the bound is generous)
        terminal.wait_for(lambda t: "Passed! Press n" in t and "✗" not in t)
        assert header(terminal.text())

        terminal.child.send("n")
        # the next exercise's statement, not started until it is checked
        ws = Workspace.discover(tmp_workspace)
        ids = ws.catalog().ids
        following = ids[ids.index("conv_output_size") + 1]
        heading = f"Exercise {ids.index(following) + 1}/{len(ids)} · {following}"
        terminal.wait_for(lambda t: following in t.splitlines()[0] and heading in t)
        assert "status: not started" in terminal.text().splitlines()[0]

        # a check that never ends: q must still stop it and quit at once, leaving no process behind
        ws.exercise_path(ws.catalog().get(following)).write_text("while True:\n    pass\n")
        terminal.wait_for(lambda t: "checking " in t and bool(_probes_below(learner_pid)))
        running = _descendants(learner_pid)
        terminal.child.send("q")
        terminal.child.expect(pexpect.EOF, timeout=120)
        terminal.child.close()
        assert terminal.child.exitstatus == 0
        left = running & set(_processes())
        assert not left, f"processes left behind: {left}"
    finally:
        if terminal.child.isalive():
            terminal.child.terminate(force=True)


def test_bare_learn_in_a_workspace_opens_watch(tmp_workspace):
    terminal = Terminal([], tmp_workspace)
    try:
        terminal.wait_for(lambda t: t.splitlines()[0].lstrip().startswith("learn watch · 1/"))
        terminal.child.send("q")
        terminal.child.expect(pexpect.EOF, timeout=120)
        terminal.child.close()
        assert terminal.child.exitstatus == 0
    finally:
        if terminal.child.isalive():
            terminal.child.terminate(force=True)


def test_bare_learn_elsewhere_and_learn_help_show_the_help(tmp_path_factory, tmp_workspace):
    elsewhere = tmp_path_factory.mktemp("not-a-workspace")
    for args, cwd in (([], elsewhere), (["--help"], tmp_workspace)):
        terminal = Terminal(args, cwd, rows=200)  # tall enough to keep the whole help on screen
        terminal.child.expect(pexpect.EOF, timeout=120)
        terminal.stream.feed(terminal.child.before)
        terminal.child.close()
        assert "Usage: learn" in terminal.text() and "learn watch · " not in terminal.text()
