"""The command line: exit codes, JSON output, languages, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from grader.cli.app import app
from tests.helpers import ROOT

runner = CliRunner()
SOLUTION = str(ROOT / "solutions" / "05_convolution" / "conv_output_size.py")


def test_list_shows_every_exercise_in_order(tmp_workspace):
    result = runner.invoke(app, ["list"])
    assert result.exit_code == 0
    assert "conv_output_size" in result.output and "cifar_sequential" in result.output
    assert result.output.index("autograd_basics") < result.output.index("cifar_sequential")
    assert "Progress: 0/" in result.output


def test_list_json(tmp_workspace):
    result = runner.invoke(app, ["list", "--json"])
    data = json.loads(result.output)
    assert data["passed"] == 0 and data["total"] == len(data["exercises"])
    first = data["exercises"][0]
    assert {key: first[key] for key in ("number", "id", "topic", "title", "status", "points")} == {
        "number": 1, "id": "tensor_create", "topic": "tensors", "title": "Creating tensors",
        "status": "not started", "points": 10,
    }


def test_list_does_not_import_torch(tmp_workspace):
    code = (
        "import sys\n"
        "from grader.cli.app import app\n"
        "try:\n    app(['list'])\nexcept SystemExit:\n    pass\n"
        "print('TORCH' if 'torch' in sys.modules else 'NO_TORCH')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_workspace)
    assert out.stdout.strip().endswith("NO_TORCH"), out.stdout + out.stderr


def test_hint_does_not_import_torch(tmp_workspace):
    code = (
        "import sys\n"
        "from grader.cli.app import app\n"
        "try:\n    app(['hint', 'conv_output_size'])\nexcept SystemExit:\n    pass\n"
        "print('TORCH' if 'torch' in sys.modules else 'NO_TORCH')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_workspace)
    assert out.stdout.strip().endswith("NO_TORCH"), out.stdout + out.stderr


def test_check_starter_fails_with_explanation_and_records_progress(tmp_workspace):
    result = runner.invoke(app, ["check", "conv_output_size"])
    assert result.exit_code == 1
    assert "NotImplementedError" in result.output and "✗" in result.output
    listed = json.loads(runner.invoke(app, ["list", "--json"]).output)
    status = {e["id"]: e["status"] for e in listed["exercises"]}
    assert status["conv_output_size"] == "failing"


def test_check_solution_file_passes(tmp_workspace):
    result = runner.invoke(app, ["check", "conv_output_size", "--file", SOLUTION])
    assert result.exit_code == 0, result.output
    assert "all 9 checks passed" in result.output


def test_passing_own_file_marks_passed(tmp_workspace):
    target = tmp_workspace / "exercises" / "05_convolution" / "conv_output_size.py"
    target.write_text((ROOT / "solutions" / "05_convolution" / "conv_output_size.py").read_text())
    assert runner.invoke(app, ["check", "conv_output_size"]).exit_code == 0
    listed = json.loads(runner.invoke(app, ["list", "--json"]).output)
    assert listed["passed"] == 1


def test_check_json(tmp_workspace):
    result = runner.invoke(app, ["check", "conv_output_size", "--json"])
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["exercise"] == "conv_output_size" and data["passed"] is False and data["score"] == 0
    assert len(data["cases"]) == 9 and not any(case["passed"] for case in data["cases"])
    first = data["cases"][0]
    assert first["name"] == "the notes' 5x5 input, 3x3 kernel, stride 1 -> 3"
    assert "Your code raised NotImplementedError: conv_output_size" in first["message"]


def test_unknown_id_suggests_the_closest(tmp_workspace):
    result = runner.invoke(app, ["check", "conv_outptu_size"])
    assert result.exit_code == 2
    assert "did you mean conv_output_size" in result.output
    assert "Traceback" not in result.output


def test_bad_file_arguments_are_one_line_errors(tmp_workspace):
    for args, words in (
        (["--file", "nope.py"], "no such file"),
        (["--file", "."], "is a folder"),
        (["--file", "exercises/info.toml"], "expected a .py file"),
    ):
        result = runner.invoke(app, ["check", "conv_output_size", *args])
        assert result.exit_code == 2, args
        assert words in result.output and "Traceback" not in result.output


def test_chinese_output(tmp_workspace):
    result = runner.invoke(app, ["hint", "conv_output_size", "--lang", "zh"])
    assert result.exit_code == 0 and "卷积核" in result.output
    result = runner.invoke(app, ["check", "conv_output_size", "--file", SOLUTION], env={"LEARN_LANG": "zh"})
    assert "全部" in result.output


def test_unknown_language_is_a_usage_error(tmp_workspace):
    result = runner.invoke(app, ["list", "--lang", "fr"])
    assert result.exit_code == 2 and "unknown language" in result.output


def test_outside_a_workspace(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    from grader.course.workspace import Workspace
    from grader.errors import LearnError

    with pytest.raises(LearnError, match="learn init"):
        Workspace.discover(tmp_path)


def test_installed_script_runs():
    out = subprocess.run([sys.executable, "-m", "grader", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0 and "check" in out.stdout


def test_piped_output_is_not_padded_and_shows_no_spinner(tmp_workspace):
    result = runner.invoke(app, ["check", "conv_output_size"])
    assert result.exit_code == 1
    assert "checking" not in result.output  # the live status is for terminals only
    assert all(line == line.rstrip() for line in result.output.splitlines())
    listed = runner.invoke(app, ["list"]).output
    assert all(line == line.rstrip() for line in listed.splitlines())


def test_list_never_cuts_an_id_at_80_columns(tmp_workspace):
    from rich.console import Console

    from grader.course.progress import Progress
    from grader.course.workspace import Workspace
    from grader.render.terminal import exercise_table

    catalog = Workspace.discover().catalog()
    for lang in ("en", "zh"):
        for width in (60, 80, 120):
            console = Console(width=width, file=__import__("io").StringIO(), color_system=None)
            console.print(exercise_table(catalog, Progress(), lang))
            shown = console.file.getvalue()
            rows = shown.splitlines()
            assert all(any(f" {e.id} " in row for row in rows) for e in catalog.exercises), (lang, width, shown)
            assert "…" not in shown
