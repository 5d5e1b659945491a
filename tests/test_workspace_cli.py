"""Where `learn` works: only in a workspace; never nests one; a read-only one still shows verdicts."""

from __future__ import annotations

import builtins
import errno
import io
import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from grader.cli.app import app
from tests.helpers import ROOT

runner = CliRunner()


def learn(*args: str):
    result = runner.invoke(app, list(args))
    said = " ".join(result.output.split())
    return result, said


def no_traceback(result) -> bool:
    """A clean exit: typer.Exit/SystemExit only, and no Python traceback printed."""
    return (result.exception is None or isinstance(result.exception, SystemExit)) and "Traceback" not in result.output


@pytest.fixture
def outside(tmp_path, monkeypatch):
    """A current folder that is not inside any workspace."""
    folder = tmp_path / "somewhere"
    folder.mkdir()
    monkeypatch.chdir(folder)
    monkeypatch.delenv("LEARN_LANG", raising=False)
    return folder


def test_check_outside_a_workspace_says_how_to_make_one(outside):
    result, said = learn("check", "tensor_create")
    assert result.exit_code == 2 and no_traceback(result)
    assert "learn init" in said and str(outside) in said


@pytest.mark.parametrize("command", [["list"], ["next"], ["hint", "tensor_create"], ["reset", "tensor_create"]])
def test_every_workspace_command_refuses_outside(outside, command):
    before = sorted(p.name for p in outside.iterdir())
    result, said = learn(*command)
    assert result.exit_code == 2 and "learn init" in said and no_traceback(result)
    assert sorted(p.name for p in outside.iterdir()) == before


def test_outside_in_chinese(outside):
    result, said = learn("check", "tensor_create", "--lang", "zh")
    assert result.exit_code == 2 and "错误：" in said and "工作区" in said


def test_doctor_outside_reports_the_workspace_problem(outside):
    result, said = learn("doctor")
    assert result.exit_code == 1
    assert "Everything is ready" not in said and "learn init" in said


def test_init_inside_a_workspace_is_refused(tmp_workspace):
    result, said = learn("init", "exercises/nested")
    assert result.exit_code == 2 and no_traceback(result)
    assert "inside the workspace" in said
    assert not (tmp_workspace / "exercises" / "nested").exists()


def test_init_then_check_from_a_subfolder_grades_the_workspace(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert learn("init", "course")[0].exit_code == 0
    monkeypatch.chdir(tmp_path / "course" / "exercises")
    result, said = learn("show", "tensor_create")
    assert result.exit_code == 0 and "tensor_create" in said


# ---- a read-only workspace ------------------------------------------------------------------


@pytest.fixture
def read_only(monkeypatch):
    """Make every write below a folder fail with EROFS, as on a read-only mount (root ignores chmod)."""

    def refuse(folder: Path) -> None:
        folder = str(folder.resolve())

        def inside(path) -> bool:
            try:
                return os.path.abspath(os.fsdecode(path)).startswith(folder)
            except TypeError:
                return False  # a file descriptor, not a path

        def refused(path):
            return OSError(errno.EROFS, os.strerror(errno.EROFS), os.fsdecode(path))

        real_open, real_os_open = builtins.open, os.open
        real_mkdir, real_replace, real_link = os.mkdir, os.replace, os.link

        def fake_open(file, mode="r", *args, **kwargs):
            if inside(file) and any(flag in mode for flag in "wax+"):
                raise refused(file)
            return real_open(file, mode, *args, **kwargs)

        def fake_os_open(path, flags, *args, **kwargs):
            writing = flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)
            if writing and inside(path):
                raise refused(path)
            return real_os_open(path, flags, *args, **kwargs)

        def fake_mkdir(path, *args, **kwargs):
            if inside(path):
                raise refused(path)
            return real_mkdir(path, *args, **kwargs)

        def fake_replace(src, dst, *args, **kwargs):
            if inside(dst):
                raise refused(dst)
            return real_replace(src, dst, *args, **kwargs)

        def fake_link(src, dst, *args, **kwargs):
            if inside(dst):
                raise refused(dst)
            return real_link(src, dst, *args, **kwargs)

        monkeypatch.setattr(builtins, "open", fake_open)
        monkeypatch.setattr(io, "open", fake_open)
        monkeypatch.setattr(os, "open", fake_os_open)
        monkeypatch.setattr(os, "mkdir", fake_mkdir)
        monkeypatch.setattr(os, "replace", fake_replace)
        monkeypatch.setattr(os, "link", fake_link)

    return refuse


def test_read_only_check_shows_the_verdict_and_says_once_progress_was_not_saved(tmp_workspace, read_only):
    read_only(tmp_workspace)
    result, said = learn("check", "conv_output_size")
    assert result.exit_code == 1 and no_traceback(result), result.output
    assert "✗" in result.output and "NotImplementedError" in said
    assert said.count("could not be saved") == 1


def test_read_only_hint_is_shown(tmp_workspace, read_only):
    read_only(tmp_workspace)
    result, said = learn("hint", "conv_output_size")
    assert result.exit_code == 0 and no_traceback(result)
    assert "1." in said and said.count("could not be saved") == 1


def test_read_only_reset_undo_export_init_are_one_line_errors(tmp_workspace, read_only, tmp_path):
    mine = tmp_workspace / "exercises" / "05_convolution" / "conv_output_size.py"
    mine.write_text(mine.read_text(encoding="utf-8") + "\n# my work\n", encoding="utf-8")
    assert learn("reset", "conv_output_size")[0].exit_code == 0  # leaves a backup for --undo
    elsewhere = tmp_path.parent / (tmp_path.name + "-ro")
    elsewhere.mkdir()
    read_only(tmp_workspace)
    read_only(elsewhere)
    for command in (["reset", "conv_output_size"], ["reset", "conv_output_size", "--undo"],
                    ["export", "--notebook", "notebooks"], ["init", str(elsewhere / "course")]):
        result, said = learn(*command)
        assert result.exit_code == 2 and no_traceback(result), (command, result.output)
        lines = [line for line in result.output.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("error:"), (command, result.output)
        assert "Read-only file system" in said, (command, said)


def test_read_only_doctor_reports_it(tmp_workspace, read_only):
    read_only(tmp_workspace)
    result, said = learn("doctor")
    assert result.exit_code == 1
    assert "workspace writable" in said and "Read-only file system" in said


def test_list_after_reset_is_not_passed(tmp_workspace):
    mine = tmp_workspace / "exercises" / "05_convolution" / "conv_output_size.py"
    shutil.copyfile(ROOT / "solutions" / "05_convolution" / "conv_output_size.py", mine)
    assert learn("check", "conv_output_size")[0].exit_code == 0
    assert status_of("conv_output_size") == "passed"
    assert learn("reset", "conv_output_size")[0].exit_code == 0
    assert status_of("conv_output_size") == "not started"
    assert learn("solution", "conv_output_size")[0].exit_code == 0  # a passed exercise's solution stays open


def status_of(exercise_id: str) -> str:
    listed = json.loads(runner.invoke(app, ["list", "--json"]).output)
    return {e["id"]: e["status"] for e in listed["exercises"]}[exercise_id]


def test_check_without_an_id_grades_the_current_exercise(tmp_workspace):
    result, said = learn("check")
    first = json.loads(runner.invoke(app, ["list", "--json"]).output)["exercises"][0]["id"]
    assert result.exit_code == 1 and f"{first}: 0 of" in said
    assert status_of(first) == "failing"
