"""`learn grade --submissions`: a whole class, one CSV row per student, whatever they handed in."""

from __future__ import annotations

import csv
import io
import json
import os
import zipfile

import pytest
from typer.testing import CliRunner

from grader.cli.app import app
from grader.errors import LearnError
from grader.usecases.classroom import class_entries, document_names, extract_zip, safe_member_path
from tests.classgen import HOSTILE, SYNTAX_ERROR, copy_tree, notebook_submission, zip_folder
from tests.helpers import ROOT

runner = CliRunner()
# Light exercises without meta-device cases: quick to grade on a warm worker.
LIGHT = ["conv_output_size", "pool_output_size", "autograd_basics"]


@pytest.fixture(scope="module")
def graded_class(tmp_path_factory, catalog):
    """A class with every kind of submission, graded once with --jobs 2."""
    base = tmp_path_factory.mktemp("class")
    folder = base / "submissions"
    exercises = [catalog.get(i) for i in LIGHT]
    copy_tree(ROOT / "solutions", folder / "alice", exercises)
    copy_tree(ROOT / "solutions", base / "bob", exercises)
    zip_folder(base / "bob", folder / "bob.zip", prefix="bob-main/")  # GitHub's "Download ZIP" wraps a folder
    notebook_submission(folder / "carol.ipynb", exercises)
    copy_tree(ROOT / "solutions", folder / "dave", exercises[:1])  # the other two files are missing
    copy_tree(ROOT / "solutions", folder / "erin", exercises)
    (folder / "erin" / exercises[0].relative_path).write_text(SYNTAX_ERROR)
    copy_tree(ROOT / "solutions", folder / "mallory", exercises)
    (folder / "mallory" / exercises[0].relative_path).write_text(HOSTILE)
    copy_tree(ROOT / "exercises", folder / "sam", exercises)  # the untouched starters
    (folder / "zoe.zip").write_bytes(b"PK\x03\x04 this is not really a zip")
    (folder / "notes.txt").write_text("not a submission")
    output = base / "grades"
    result = runner.invoke(app, ["grade", "--submissions", str(folder), "--only", ",".join(LIGHT), "--jobs", "2",
                                 "--output-dir", str(output), "--report", str(output / "report.html")])
    rows = {row["student"]: row for row in csv.DictReader(io.StringIO((output / "grades.csv").read_text()))}
    return result, rows, output


def test_class_run_succeeds_and_reports_pass_rates(graded_class):
    result, _, _ = graded_class
    assert result.exit_code == 0, result.output
    assert "Pass rate per exercise" in result.stdout
    assert "Graded 8 submissions" in result.stdout and "s per submission" in result.stdout


def test_one_row_per_student_with_one_column_per_exercise(graded_class):
    _, rows, _ = graded_class
    assert sorted(rows) == ["alice", "bob", "carol", "dave", "erin", "mallory", "sam", "zoe"]
    assert list(next(iter(rows.values())))[:4] == ["student", "total", "max_score", "percent"]
    assert set(LIGHT) <= set(next(iter(rows.values())))


@pytest.mark.parametrize(
    "student, total, zero",
    [
        ("alice", 30, []),  # a folder laid out like exercises/
        ("bob", 30, []),  # a zip
        ("carol", 30, []),  # one notebook, cells tagged per exercise
        ("dave", 10, ["pool_output_size", "autograd_basics"]),  # missing files
        ("erin", 20, ["conv_output_size"]),  # a syntax error
        ("mallory", 20, ["conv_output_size"]),  # kills the worker, fakes output, exits early
        ("sam", 0, LIGHT),  # the starters
        ("zoe", 0, LIGHT),  # a broken zip
    ],
)
def test_each_row(graded_class, student, total, zero):
    _, rows, _ = graded_class
    row = rows[student]
    assert float(row["total"]) == total and float(row["max_score"]) == 30
    assert [e for e in LIGHT if float(row[e]) == 0] == zero


def test_broken_submissions_say_why(graded_class):
    _, rows, output = graded_class
    assert "could not be opened" in rows["zoe"]["note"]
    dave = json.loads((output / "dave.json").read_text())
    missing = next(e for e in dave["exercises"] if e["exercise"] == "autograd_basics")
    assert "No file for this exercise" in missing["message"]
    erin = json.loads((output / "erin.json").read_text())
    conv = next(e for e in erin["exercises"] if e["exercise"] == "conv_output_size")
    assert conv["status"] == "error" and "syntax" in conv["message"].lower()


def test_a_document_per_student_and_an_html_report(graded_class):
    _, rows, output = graded_class
    for student in rows:
        data = json.loads((output / f"{student}.json").read_text())
        assert data["submission"] == student and data["kind"] == "learn-grade"
    page = (output / "report.html").read_text()
    assert page.startswith("<!DOCTYPE html>") and "mallory" in page
    assert page.count("<script") == 1 and "<script src" not in page  # only the inline table sorter
    assert 'href="mallory.json"' in page  # each student's document, relative to the report


def test_class_entries_skip_what_is_not_a_submission(tmp_path):
    (tmp_path / "anna").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "ben.zip").write_bytes(b"")
    (tmp_path / "cleo.ipynb").write_text("{}")
    (tmp_path / "roster.csv").write_text("x")
    assert [(e.name, e.kind) for e in class_entries(tmp_path)] == [("anna", "folder"), ("ben", "zip"),
                                                                   ("cleo", "ipynb")]
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(LearnError, match="no student folders"):
        class_entries(empty)


def test_document_names_are_safe_and_distinct():
    assert document_names(["alice", "alice", "../etc/passwd", "grades", "李雷"]) == [
        "alice", "alice-2", "etc_passwd", "grades-2", "李雷"]


@pytest.mark.parametrize("name", ["../evil.py", "/etc/evil.py", "a/../../evil.py", "C:/evil.py", "__MACOSX/._x.py"])
def test_unsafe_member_paths_are_refused(name):
    assert safe_member_path(name) is None


def test_zip_extraction_stays_inside_and_skips_links(tmp_path):
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("../escaped.py", "x = 1")
        out.writestr("/tmp/absolute.py", "x = 1")
        link = zipfile.ZipInfo("05_convolution/conv_output_size.py")
        link.external_attr = (0o120777 << 16)  # a symbolic link to another student's file
        out.writestr(link, "../../alice/05_convolution/conv_output_size.py")
        out.writestr("04_modules/module_basics.py", "ok = True")
    target = tmp_path / "out"
    target.mkdir()
    extract_zip(archive, target)
    files = sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file())
    assert files == ["04_modules/module_basics.py"]
    assert not (tmp_path / "escaped.py").exists()
    assert not any(p.is_symlink() for p in target.rglob("*"))


def test_zip_bombs_are_stopped(tmp_path, monkeypatch):
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("big.py", b"0" * (2 * 1024 * 1024))
    monkeypatch.setattr("grader.usecases.classroom.MAX_ZIP_MEMBER_BYTES", 1024 * 1024)
    target = tmp_path / "out"
    target.mkdir()
    with pytest.raises(LearnError, match="too large"):
        extract_zip(archive, target)
    monkeypatch.setattr("grader.usecases.classroom.MAX_ZIP_MEMBERS", 1)
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("a.py", "")
        out.writestr("b.py", "")
    with pytest.raises(LearnError, match="more than 1 files"):
        extract_zip(archive, target)


def test_a_link_outside_a_submission_folder_is_not_graded(tmp_path):
    folder = tmp_path / "class" / "lena" / "05_convolution"
    folder.mkdir(parents=True)
    secret = tmp_path / "teacher" / "conv_output_size.py"
    secret.parent.mkdir()
    secret.write_text((ROOT / "solutions" / "05_convolution" / "conv_output_size.py").read_text())
    os.symlink(secret, folder / "conv_output_size.py")
    result = runner.invoke(app, ["grade", "--submission", str(folder.parent), "--only", "conv_output_size", "--json"])
    data = json.loads(result.stdout)
    assert result.exit_code == 1 and data["score"] == 0
    assert "outside the submission" in data["exercises"][0]["message"]
