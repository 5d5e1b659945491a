"""GitHub Classroom: the reporter can start with any result of the whole course, and reads our points.

The reporter step (classroom-resources/autograding-grading-reporter) gets the
result as ONE environment variable, `LEARN_RESULTS=<base64 JSON>`. Linux
refuses to start a program when one environment string is longer than
MAX_ARG_STRLEN (131072 bytes with its NUL): execve fails with E2BIG,
"Argument list too long". These tests start a real child process with the
variable set, for real results of a starter, a half-done and a solved
submission of the whole course, and of a course twice its size.

When the reporter's source is on this machine (LEARN_REPORTER_DIR, default
/tmp/reporter: a checkout of the reporter with `npm install` run in it), it
is run under node on the same results; nothing of it is kept in this repository.
"""

from __future__ import annotations

import base64
import errno
import json
import os
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

from grader.engine.engine import shared_engine
from grader.render.formats import github
from grader.results import points_text
from grader.usecases.grade import Submission, SubmissionReport, grade_submission
from tests.classgen import SOLUTIONS, STARTERS, copy_tree
from tests.helpers import ROOT
from tests.test_formats import GITHUB_RUNNER_SCHEMA

REPORTER = Path(os.environ.get("LEARN_REPORTER_DIR", "/tmp/reporter"))
KINDS = ("starter", "half", "solved")


@pytest.fixture(scope="module")
def course_reports(tmp_path_factory, catalog) -> dict[str, SubmissionReport]:
    """The whole course graded for real, three times: untouched, every other exercise solved, solved."""
    exercises = list(catalog.exercises)
    half = tmp_path_factory.mktemp("half")
    copy_tree(SOLUTIONS, half, exercises[::2])
    copy_tree(STARTERS, half, exercises[1::2])
    folders = {"starter": STARTERS, "half": half, "solved": SOLUTIONS}
    engine = shared_engine()
    return {kind: grade_submission(Submission(kind, folder=folder), exercises, ROOT / "solutions", engine=engine,
                                   jobs=2) for kind, folder in folders.items()}


def doubled(report: SubmissionReport) -> SubmissionReport:
    """The same submission as if the course had every exercise twice."""
    copies = tuple(replace(g, exercise=replace(g.exercise, id=g.exercise.id + "_again")) for g in report.graded)
    return replace(report, graded=report.graded + copies)


def env_string(report: SubmissionReport) -> str:
    return "LEARN_RESULTS=" + github.encode(github.runner_result(report))


def start_with(value: str) -> subprocess.CompletedProcess:
    """Start a real program with LEARN_RESULTS set, as the runner starts the reporter step."""
    return subprocess.run(["/usr/bin/env", "true"], env={"PATH": "/usr/bin:/bin", "LEARN_RESULTS": value},
                          check=True)


def test_the_kernel_refuses_an_oversized_variable():
    """The reproduction is faithful: one byte past MAX_ARG_STRLEN and the program cannot start."""
    with pytest.raises(OSError) as refused:
        start_with("x" * (github.MAX_ARG_STRLEN - len("LEARN_RESULTS=")))
    assert refused.value.errno == errno.E2BIG
    start_with("x" * (github.MAX_ARG_STRLEN - len("LEARN_RESULTS=") - 1))  # with its NUL: exactly the limit


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("twice", [False, True], ids=["course", "course-twice"])
def test_every_result_starts_the_reporter(course_reports, kind, twice):
    report = doubled(course_reports[kind]) if twice else course_reports[kind]
    text = env_string(report)
    assert len(text) * 2 < github.MAX_ARG_STRLEN  # well under: half the limit at most
    start_with(text.removeprefix("LEARN_RESULTS="))


@pytest.mark.parametrize("kind", KINDS)
def test_the_encoded_result_has_what_the_reporter_reads(course_reports, kind):
    report = course_reports[kind]
    data = json.loads(base64.b64decode(github.encode(github.runner_result(report))))
    jsonschema.validate(data, GITHUB_RUNNER_SCHEMA)
    assert data["version"] == 1 and data["max_score"] == report.max_score
    assert len(data["tests"]) == len(report.graded)
    for test in data["tests"]:
        assert test["test_code"].startswith("learn check ")
    total = 0.0
    for test in data["tests"]:
        total += test["score"]  # NotifyClassroom's reduce, in the same doubles
    assert total == report.score
    assert data["status"] == {"solved": "pass"}.get(kind, "fail")
    if kind == "starter":
        assert all(t["message"] for t in data["tests"])  # each failed test still says which checks failed


def run_reporter(encoded: str) -> str:
    result = subprocess.run(["node", str(REPORTER / "src" / "main.js")], capture_output=True, text=True,
                            env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "INPUT_RUNNERS": "learn",
                                 "LEARN_RESULTS": encoded}, timeout=60)
    return result.stdout


@pytest.mark.skipif(not (REPORTER / "src" / "main.js").is_file() or shutil.which("node") is None,
                    reason=f"the reporter's source is not in {REPORTER} (or node is missing)")
@pytest.mark.parametrize("kind", KINDS)
def test_the_real_reporter_shows_our_points(course_reports, kind):
    report = course_reports[kind]
    out = run_reporter(github.encode(github.runner_result(report)))
    points = re.search(r"::notice title=Autograding complete::Points (\S+)/(\S+)", out)
    assert points, out[-2000:]
    assert points.group(1) == points_text(report.score) and points.group(2) == points_text(report.max_score)
    twice = doubled(report)
    out = run_reporter(github.encode(github.runner_result(twice)))
    assert f"Points {points_text(twice.score)}/{points_text(twice.max_score)}" in out
