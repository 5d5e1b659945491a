"""learn watch's session: checks the current exercise, advances only past passed ones, sees saves."""

from __future__ import annotations

import queue
import threading

from grader.watching import WatchSession, first_unpassed, watch_saves
from grader.workspace import Workspace
from tests.conftest import ROOT


def test_session_checks_and_advances(tmp_workspace):
    ws = Workspace.discover(tmp_workspace)
    session = WatchSession.open(ws, "en", "conv_output_size")
    try:
        assert not session.check().passed
        session.path.write_text((ROOT / "solutions" / "05_convolution" / "conv_output_size.py").read_text())
        assert session.check().passed
        assert session.advance()
        assert session.current.id != "conv_output_size"
        assert first_unpassed(ws).id != "conv_output_size"
    finally:
        session.close()


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
