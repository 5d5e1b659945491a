"""Gradescope, simulated: the built zip unpacked into an /autograder-shaped folder and run_autograder run.

Gradescope unpacks the autograder zip into /autograder/source, puts the
student's upload in /autograder/submission, runs run_autograder and reads
/autograder/results/results.json. AUTOGRADER_ROOT and LEARN redirect the
script to a temporary folder and this checkout's `learn`.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import zipfile
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from grader.cli.app import app
from grader.render.formats import gradescope, junit
from grader.results import (
    AFTER_DUE_DATE,
    FAILED,
    HIDDEN,
    CaseResult,
    ExerciseResult,
    Graded,
    SubmissionReport,
    with_visibility,
)
from tests.classgen import SOLUTIONS, STARTERS, copy_tree, notebook_submission
from tests.test_formats import GRADESCOPE_SCHEMA

LIGHT = ["autograd_basics", "conv_output_size", "pool_output_size"]
LEARN = str(Path(sys.executable).parent / "learn")
runner = CliRunner()


def unpack(archive: Path, target: Path) -> None:
    """Unpack as Gradescope does, keeping the executable bits the zip records."""
    with zipfile.ZipFile(archive) as opened:
        for member in opened.infolist():
            path = Path(opened.extract(member, target))
            if member.external_attr >> 16 & stat.S_IXUSR:
                path.chmod(0o755)


@pytest.fixture(scope="module")
def autograder_zip(tmp_path_factory) -> Path:
    archive = tmp_path_factory.mktemp("build") / "autograder.zip"
    result = runner.invoke(app, ["gradescope", "build", "--only", ",".join(LIGHT), "-o", str(archive)])
    assert result.exit_code == 0, result.output
    return archive


def autograder(tmp_path: Path, archive: Path) -> Path:
    root = tmp_path / "autograder"
    for folder in ("source", "submission", "results"):
        (root / folder).mkdir(parents=True)
    unpack(archive, root / "source")
    return root


def run_autograder(root: Path, learn: str = LEARN) -> dict:
    env = {**os.environ, "AUTOGRADER_ROOT": str(root), "LEARN": learn}
    run = subprocess.run([str(root / "source" / "run_autograder")], env=env, capture_output=True, text=True,
                         timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    data = json.loads((root / "results" / "results.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, GRADESCOPE_SCHEMA)
    return data


def test_the_zip_holds_what_gradescope_runs(autograder_zip):
    with zipfile.ZipFile(autograder_zip) as archive:
        names = set(archive.namelist())
        setup = archive.read("setup.sh").decode()
        settings = json.loads(archive.read("settings.json"))
        modes = {info.filename: info.external_attr >> 16 for info in archive.infolist()}
    assert {"setup.sh", "run_autograder", "settings.json", "course/exercises/info.toml"} <= names
    shipped = ("02_autograd/autograd_basics.py", "05_convolution/conv_output_size.py")
    assert {f"course/solutions/{p}" for p in shipped} <= names
    assert not any(name.startswith("learn/solutions") for name in names)  # only where the sandbox keeps them
    assert modes["run_autograder"] & stat.S_IXUSR and modes["setup.sh"] & stat.S_IXUSR
    assert "--index-url https://download.pytorch.org/whl/cpu" in setup
    assert "pip install /autograder/source/learn" in setup
    assert settings["exercises"] == LIGHT and settings["points"] == 30
    subprocess.run(["bash", "-n", "-c", setup], check=True)  # at least valid bash


def test_the_shipped_learn_builds(autograder_zip, tmp_path):
    """setup.sh installs learn from the zip's learn/ folder: it must be a buildable project."""
    pytest.importorskip("setuptools")
    source = tmp_path / "source"
    unpack(autograder_zip, source)
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w",
                            str(tmp_path / "wheel"), str(source / "learn")], capture_output=True, text=True,
                           timeout=300)
    assert build.returncode == 0, build.stderr
    wheel = next((tmp_path / "wheel").glob("learn_pytorch-*.whl"))
    with zipfile.ZipFile(wheel) as built:
        assert not any("/solutions/" in name for name in built.namelist())


def test_one_notebook_for_every_exercise_scores_the_same_everywhere(autograder_zip, tmp_path, catalog):
    """Gradescope, --submission and a class run discover the one notebook the same way."""
    exercises = [catalog.get(i) for i in LIGHT]
    root = autograder(tmp_path, autograder_zip)
    notebook_submission(root / "submission" / "homework.ipynb", exercises)
    data = run_autograder(root)
    assert data["score"] == 30, data["output"]
    assert all(t["status"] == "passed" for t in data["tests"])

    one = runner.invoke(app, ["grade", "--submission", str(root / "submission"), "--only", ",".join(LIGHT), "--json"])
    assert json.loads(one.stdout)["score"] == 30
    klass = tmp_path / "class"
    klass.mkdir()
    shutil.copy(root / "submission" / "homework.ipynb", klass / "ann.ipynb")
    result = runner.invoke(app, ["grade", "--submissions", str(klass), "--only", ",".join(LIGHT),
                                 "--output-dir", str(tmp_path / "grades")])
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "grades" / "ann.json").read_text(encoding="utf-8"))["score"] == 30


def test_a_half_done_folder_upload(autograder_zip, tmp_path, catalog):
    root = autograder(tmp_path, autograder_zip)
    copy_tree(SOLUTIONS, root / "submission", [catalog.get("conv_output_size")])
    copy_tree(STARTERS, root / "submission", [catalog.get("pool_output_size")])
    data = run_autograder(root)
    assert data["score"] == 10
    assert round(sum(t["score"] for t in data["tests"]), 2) == 10
    assert round(sum(t["max_score"] for t in data["tests"]), 2) == 30


@pytest.mark.parametrize("learn", ["missing", "crashing"])
def test_results_json_even_when_learn_fails(autograder_zip, tmp_path, learn):
    root = autograder(tmp_path, autograder_zip)
    program = tmp_path / "learn-broken"
    if learn == "crashing":
        program.write_text('#!/bin/sh\necho \'Traceback: "quotes" \\ and a\ttab\' >&2\nexit 3\n', encoding="utf-8")
        program.chmod(0o755)
    data = run_autograder(root, str(program))
    assert data["score"] == 0 and data["tests"] == []
    assert "could not grade this submission" in data["output"]
    if learn == "crashing":
        assert "exited with 3" in data["output"] and "Traceback" in data["output"]


# ---- hidden cases ----------------------------------------------------------------------------------


def hidden_report(catalog) -> SubmissionReport:
    raw = ExerciseResult("conv_output_size", FAILED, (
        CaseResult("visible one", False, 0.0, 5.0, "expected 3, got 2"),
        CaseResult("secret one", False, 0.0, 3.0, "expected 7, got 6", diff={"cells": [7]}),
        CaseResult("after the due date", False, 0.0, 2.0, "expected 9, got 8"),
    ))
    result = with_visibility(raw, ["visible", HIDDEN, AFTER_DUE_DATE])
    return SubmissionReport("ann", "/x", (Graded(catalog.get("conv_output_size"), result),))


def test_a_hidden_failure_tells_no_expected_value(catalog):
    result = hidden_report(catalog).graded[0].result
    visible, secret, later = result.cases
    assert visible.message.en == "expected 3, got 2"
    assert "7" not in secret.message.en and "7" not in secret.message.zh and secret.diff is None
    assert secret.visibility == HIDDEN
    assert "hidden" in secret.message.en and later.visibility == AFTER_DUE_DATE and "9" not in later.message.en
    zh = with_visibility(ExerciseResult("x", FAILED, (CaseResult("s", False, 0.0, 1.0, "expected 7"),)), [HIDDEN])
    assert "隐藏" in zh.cases[0].message.zh


def test_visibility_reaches_gradescope_and_junit(catalog):
    report = hidden_report(catalog)
    data = json.loads(gradescope.render(report))
    jsonschema.validate(data, GRADESCOPE_SCHEMA)
    assert [t["visibility"] for t in data["tests"]] == ["visible", "hidden", "after_due_date"]
    assert all("7" not in t.get("output", "") for t in data["tests"][1:])
    xml = junit.render(report)
    assert 'name="visibility" value="hidden"' in xml and "expected 7" not in xml


def test_learn_check_runs_a_hidden_case_and_says_so(grade_source, catalog, monkeypatch):
    """A check module's hidden case is graded in practice too; its failure is marked and tells no values."""
    from grader.usecases.check import load_suite

    suite = load_suite(catalog.get("conv_output_size"))
    monkeypatch.setattr(suite, "cases", [replace(case, visibility=HIDDEN) if case.index == 0 else case
                                         for case in suite.cases])
    result = grade_source("conv_output_size", "def conv_output_size(size, kernel_size, stride=1, padding=0, "
                                              "dilation=1):\n    return size\n")
    first = result.cases[0]
    assert first.visibility == HIDDEN and not first.passed
    assert first.message.en == "This hidden check failed; its details are not shown." and first.diff is None
    assert result.to_dict()["cases"][0]["visibility"] == HIDDEN
