"""Bad input to the command line is one clear line and exit code 2, never a traceback.

The named cases come from the hardening issue; the fuzzer (hypothesis) then
throws arbitrary argument lists built from the real commands and options,
real and near-miss ids, and awkward paths at the CLI, and checks that every
run ends with an exit code the CLI documents and without an unhandled
exception.
"""

from __future__ import annotations

import json
import os

import pytest
import typer.main
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from grader.cli.app import app
from tests.helpers import ROOT

runner = CliRunner(env={"COLUMNS": "1000"})  # a wide terminal: a one-line error stays on one line
COMMANDS = typer.main.get_command(app).commands
#: commands the fuzzer leaves out: `watch` waits for file changes until interrupted
NOT_FUZZED = {"watch"}


def invoke(args: list[str]):
    return runner.invoke(app, args, catch_exceptions=True)


def clean_exit(result) -> bool:
    """The command ended by returning or by typer.Exit, not by an unhandled exception."""
    return result.exception is None or isinstance(result.exception, SystemExit)


def assert_usage_error(result, *words: str) -> None:
    """Exit code 2, no traceback, and an `error:` line (or click's usage box) that says what is wrong."""
    assert result.exit_code == 2, result.output
    assert clean_exit(result), repr(result.exception)
    assert "Traceback" not in result.output
    flat = " ".join(result.output.split())  # Rich wraps long lines to the terminal's width
    for word in words:
        assert word in flat, result.output


def assert_one_line(result) -> None:
    """A single `error:` sentence (wrapped at most once by a narrow terminal)."""
    assert result.output.count("error:") == 1 and len(result.output.strip().splitlines()) <= 2, result.output


@pytest.fixture
def awkward_files(tmp_path):
    """Files a learner might pass to --file by mistake."""
    folder = tmp_path / "awkward"
    folder.mkdir()
    (folder / "notes.txt").write_text("not python\n", encoding="utf-8")
    (folder / "broken.ipynb").write_text("{ this is not json", encoding="utf-8")
    (folder / "empty.ipynb").write_bytes(b"")
    (folder / "binary.ipynb").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (folder / "a folder.py").mkdir()
    return folder


def test_unknown_exercise_suggests_the_closest_ids(tmp_workspace):
    result = invoke(["check", "conv_outptu_size"])
    assert_usage_error(result, "unknown exercise", "conv_output_size")
    assert_one_line(result)


@pytest.mark.parametrize("command", ["check", "hint", "show", "reset", "solution"])
def test_every_command_taking_an_id_refuses_an_unknown_one(tmp_workspace, command):
    assert_usage_error(invoke([command, "no_such_exercise"]), "unknown exercise")


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("missing.py", ["no such file"]),
        ("a folder.py", ["folder"]),
        ("notes.txt", [".py"]),
        ("broken.ipynb", ["broken.ipynb"]),
        ("empty.ipynb", ["empty.ipynb"]),
        ("binary.ipynb", ["binary.ipynb"]),
    ],
)
def test_bad_file_arguments_are_one_line_errors(tmp_workspace, awkward_files, name, words):
    result = invoke(["check", "conv_output_size", "--file", str(awkward_files / name)])
    assert_usage_error(result, *words)
    assert_one_line(result)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_an_unreadable_file_is_named(tmp_workspace, tmp_path):
    locked = tmp_path / "locked.py"
    locked.write_text("x = 1\n", encoding="utf-8")
    locked.chmod(0)
    assert_usage_error(invoke(["check", "conv_output_size", "--file", str(locked)]), "cannot be read")


def test_a_broken_catalogue_is_a_usage_error(tmp_workspace):
    (tmp_workspace / "exercises" / "info.toml").write_text("format_version = [unclosed\n", encoding="utf-8")
    assert_usage_error(invoke(["list"]), "info.toml")


def test_a_workspace_missing_an_exercise_file_says_how_to_get_it_back(tmp_workspace):
    (tmp_workspace / "exercises" / "05_convolution" / "conv_output_size.py").unlink()
    assert_usage_error(invoke(["check", "conv_output_size"]), "learn reset conv_output_size")


@pytest.mark.parametrize(
    "args",
    [
        ["grade", "--submission", ".", "--submissions", "."],
        ["grade", "--report", "report.html"],
        ["grade", "--format", "pdf"],
        ["grade", "--only", "no_such_exercise"],
        ["grade", "--topic", "no_such_topic"],
        ["grade", "--submission", "does-not-exist"],
        ["grade", "--jobs", "0"],
        ["grade", "--timeout", "-5"],
        ["check", "conv_output_size", "--lang", "klingon"],
        ["list", "--lang", "xx"],
        ["export"],
    ],
)
def test_conflicting_or_invalid_options_are_usage_errors(tmp_workspace, args):
    assert_usage_error(invoke(args))


# ---- progress files: hand-edited or broken state is reported and rebuilt ----------------------


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{ half a file",
        b"\xff\xfe\x00garbage",
        b"[1, 2, 3]",
        b"null",
        b'{"version": 99, "exercises": {}}',
        b'{"version": 1, "exercises": []}',
        b'{"version": 1, "exercises": {"conv_output_size": "passed"}}',
        b'{"version": 1, "exercises": {"conv_output_size": {"status": "excellent"}}}',
        b'{"version": 1, "exercises": {"conv_output_size": {"status": "passed", "score": "ten"}}}',
        b"[" * 100_000,
    ],
)
def test_a_broken_progress_file_is_set_aside_and_rebuilt(tmp_workspace, content):
    state = tmp_workspace / ".learn"
    state.mkdir()
    (state / "progress.json").write_bytes(content)
    listed = invoke(["list"])
    assert listed.exit_code == 0 and clean_exit(listed), listed.output
    assert "progress file could not be read" in listed.output
    kept = list(state.glob("progress.json.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == content  # the learner's file is kept, not lost
    checked = invoke(["check", "conv_output_size", "--json"])
    assert checked.exit_code == 1 and clean_exit(checked), checked.output
    data = json.loads((state / "progress.json").read_text(encoding="utf-8"))
    assert data["exercises"]["conv_output_size"]["status"] == "failing"


def test_progress_that_cannot_be_written_is_a_usage_error(tmp_workspace):
    (tmp_workspace / ".learn").write_text("a file where the state folder should be\n", encoding="utf-8")
    result = invoke(["check", "conv_output_size"])
    assert_usage_error(result, "progress")


def test_check_never_changes_the_learners_files(tmp_workspace):
    before = {p: p.read_bytes() for p in (tmp_workspace / "exercises").rglob("*") if p.is_file()}
    assert invoke(["check", "conv_output_size"]).exit_code == 1
    after = {p: p.read_bytes() for p in (tmp_workspace / "exercises").rglob("*") if p.is_file()}
    assert after == before


# ---- the fuzzer ----------------------------------------------------------------------------------

IDS = ["conv_output_size", "autograd_basics", "conv_outptu_size", "no_such_exercise", "", "-", "../../etc/passwd"]
PATHS = ["missing.py", "notes.txt", "broken.ipynb", "empty.ipynb", "binary.ipynb", "a folder.py", ".", "/", "-",
         str(ROOT / "solutions" / "05_convolution" / "conv_output_size.py")]
VALUES = ["0", "-1", "2", "1e9", "nan", "en", "zh", "xx", "json", "junit", "table", "80%", "200%", "a,b", ",", "é中文",
          "\x00", "--", "--help"]


def options_of(command: str) -> list[str]:
    return [opt for param in COMMANDS[command].params for opt in param.opts if opt.startswith("-")]


@st.composite
def argument_lists(draw) -> list[str]:
    command = draw(st.sampled_from([*sorted(set(COMMANDS) - NOT_FUZZED), "no-such-command"]))
    vocabulary = options_of(command) if command in COMMANDS else ["--help"]
    token = st.one_of(
        st.sampled_from(vocabulary or ["--lang"]),
        st.sampled_from(IDS),
        st.sampled_from(PATHS),
        st.sampled_from(VALUES),
        st.text(max_size=12),
    )
    return [command, *draw(st.lists(token, max_size=6))]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(args=argument_lists())
def test_fuzzed_command_lines_end_cleanly(tmp_workspace, awkward_files, args):
    os.chdir(tmp_workspace)
    args = [str(awkward_files / a) if a in PATHS[:6] else a for a in args]
    if args[0] == "grade" and "--timeout" not in args:
        args += ["--timeout", "2"]  # keep a run that does grade everything short
    result = invoke(args)
    assert result.exit_code in (0, 1, 2), (args, result.output)
    assert clean_exit(result), (args, repr(result.exception))
    assert "Traceback" not in result.output, (args, result.output)


def test_a_workspace_whose_catalogue_is_gone_is_a_usage_error(tmp_path, monkeypatch):
    (tmp_path / "exercises" / "05_convolution").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    for args in (["list"], ["check", "conv_output_size"]):
        assert_usage_error(invoke(args), "info.toml is missing")
