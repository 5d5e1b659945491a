"""Documents `learn grade` writes (results, grade sheets, reports, the autograder zip) follow the user's umask."""

from __future__ import annotations

import os
import stat

import pytest
from typer.testing import CliRunner

from grader.cli.app import app
from grader.course.atomic import current_umask
from grader.render.formats import write_output
from tests.helpers import ROOT

runner = CliRunner()


@pytest.fixture
def umask():
    """Set the process umask for one test, then put the old one back."""
    old = os.umask(0o022)
    os.umask(old)

    def set_to(mask: int) -> None:
        os.umask(mask)

    yield set_to
    os.umask(old)


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("mask, expected", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_written_files_get_the_umask_mode(tmp_path, umask, mask, expected):
    umask(mask)
    assert current_umask() == mask
    target = tmp_path / "deep" / "grades.csv"
    write_output(target, "student,total\n")
    assert mode(target) == expected and target.read_text() == "student,total\n"
    write_output(target, b"replaced")  # replacing a file keeps the rule and leaves no temporary file
    assert mode(target) == expected and [p.name for p in target.parent.iterdir()] == ["grades.csv"]


def test_a_graded_class_writes_shareable_files(tmp_path, umask):
    umask(0o022)
    klass = tmp_path / "class"
    (klass / "ann").mkdir(parents=True)
    out = tmp_path / "grades"
    result = runner.invoke(app, ["grade", "--submissions", str(klass), "--only", "conv_output_size",
                                 "--output-dir", str(out), "--report", str(out / "report.html")])
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in out.iterdir())
    assert written == ["ann.json", "grades.csv", "report.html"]
    assert all(mode(out / name) == 0o644 for name in written)
    one = runner.invoke(app, ["grade", "--submission", str(ROOT / "solutions"), "--only", "conv_output_size",
                              "--format", "gradescope", "--output", str(tmp_path / "results.json")])
    assert one.exit_code == 0, one.output
    assert mode(tmp_path / "results.json") == 0o644
