"""Every output format is read back by a real consumer: json schema, junitparser, csv, html parser.

The reports here are built by hand, so these tests are fast and cover
partial credit, missing files and awkward learner output without grading.
"""

from __future__ import annotations

import base64
import csv
import io
import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from html.parser import HTMLParser

import jsonschema
import pytest
from junitparser import Error, Failure, JUnitXml
from rich.console import Console

from grader.render.formats import document, github, gradescope, html_report, junit, spreadsheet
from grader.render.formats.table import pass_rates, submission_summary
from grader.results import (
    ERROR,
    FAILED,
    PASSED,
    CaseResult,
    ClassReport,
    ExerciseResult,
    Graded,
    SubmissionReport,
    answer_state,
    case_shares,
)
from grader.usecases.grade import min_score_threshold, reaches

# Written from Gradescope's autograder specification (gradescope/autograder_samples docs/specs.md and
# the current "Autograder Specifications" page): only the documented keys, with their documented values.
VISIBILITY = {"enum": ["hidden", "after_due_date", "after_published", "visible"]}
OUTPUT_FORMAT = {"enum": ["text", "html", "simple_format", "md", "ansi"]}
GRADESCOPE_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "score": {"type": "number"},
        "execution_time": {"type": "number"},
        "output": {"type": "string"},
        "output_format": OUTPUT_FORMAT,
        "test_output_format": OUTPUT_FORMAT,
        "test_name_format": OUTPUT_FORMAT,
        "visibility": VISIBILITY,
        "stdout_visibility": VISIBILITY,
        "extra_data": {"type": "object"},
        "leaderboard": {"type": "array", "items": {"type": "object", "required": ["name", "value"]}},
        "tests": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "score": {"type": "number"},
                    "max_score": {"type": "number"},
                    "status": {"enum": ["passed", "failed"]},
                    "name": {"type": "string"},
                    "name_format": OUTPUT_FORMAT,
                    "number": {"type": "string"},
                    "output": {"type": "string"},
                    "output_format": OUTPUT_FORMAT,
                    "tags": {"type": "array", "items": {"type": "string"}},
                    "visibility": VISIBILITY,
                    "extra_data": {"type": "object"},
                },
            },
        },
    },
    "anyOf": [{"required": ["score"]}, {"required": ["tests"]}],
}

# What classroom-resources/autograding-grading-reporter reads from a runner's result.
GITHUB_RUNNER_SCHEMA = {
    "type": "object",
    "required": ["version", "status", "max_score", "tests"],
    "properties": {
        "version": {"type": "integer"},
        "status": {"enum": ["pass", "fail", "error"]},
        "max_score": {"type": "number"},
        "tests": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name", "status", "score", "message"],
                "properties": {
                    "name": {"type": "string"},
                    "status": {"enum": ["pass", "fail", "error"]},
                    "score": {"type": "number"},
                    "message": {"type": ["string", "null"]},
                    "test_code": {"type": "string"},
                    "filename": {"type": "string"},
                    "line_no": {"type": "integer"},
                    "duration": {"type": "number"},
                },
            },
        },
    },
}


def case(name: str, passed: bool, max_points: float, message: str = "", hint: str = "") -> CaseResult:
    return CaseResult(name, passed, max_points if passed else 0.0, max_points, message, hint, 0.01)


@pytest.fixture(scope="module")
def report(catalog) -> SubmissionReport:
    """Three exercises: all passed, partly passed (3 cases over 10 points), and a missing file."""
    conv, pool, module = (catalog.get(i) for i in ("conv_output_size", "pool_output_size", "module_basics"))
    third = 10 / 3
    results = [
        ExerciseResult("conv_output_size", PASSED, (case("5x5 -> 3", True, 5.0), case("stride 2", True, 5.0)),
                       stdout="debug <&> \x00\x07 printed", seconds=0.2),
        ExerciseResult("pool_output_size", FAILED, (
            case("2x2 pool", True, third),
            case("ceil_mode", False, third, "expected 3, got 2 <b>", "use ceil"),
            case("stride ≠ kernel", True, third),
        ), notes=("Cell 2: `%matplotlib inline` is IPython, not Python, and was left out.",), seconds=0.3),
        ExerciseResult("module_basics", ERROR, (case("AddOne", False, 4.0, "No file for this exercise"),
                                                case("ReluNet", False, 6.0, "No file for this exercise")),
                       message="No file for this exercise"),
    ]
    graded = tuple(Graded(e, r) for e, r in zip((conv, pool, module), results, strict=True))
    return SubmissionReport("=alice <script>", "/subs/alice", graded, seconds=1.5,
                            graded_at="2026-01-01T00:00:00+00:00", versions={"python": "3.11", "torch": "2.14.1"})


def test_report_totals(report):
    assert report.max_score == pytest.approx(30)
    assert report.score == 16.67  # 10 + (3.34 + 3.33): whole hundredths, exact
    assert report.score_cents == 1667 and report.max_cents == 3000
    assert report.passed_count == 1 and not report.all_passed


def test_case_shares_add_up_to_the_exercise(report):
    pool = report.graded[1].result
    shares = case_shares(pool)
    assert [possible for _, possible in shares] == [3.34, 3.33, 3.33]
    assert sum(possible for _, possible in shares) == 10.0
    assert [earned for earned, _ in shares] == [3.34, 0.0, 3.33]


def test_gradescope_results_json_is_valid(report):
    data = json.loads(gradescope.render(report))
    jsonschema.validate(data, GRADESCOPE_SCHEMA)
    assert data["score"] == 16.67
    assert len(data["tests"]) == 7
    assert round(sum(t["max_score"] for t in data["tests"]), 2) == 30
    assert round(sum(t["score"] for t in data["tests"]), 2) == data["score"]
    assert "16.67/30 points" in data["output"]
    failed = [t for t in data["tests"] if t["status"] == "failed"]
    assert {t["name"] for t in failed} == {"pool_output_size: ceil_mode", "module_basics: AddOne",
                                         "module_basics: ReluNet"}
    assert "Hint: use ceil" in failed[0]["output"]
    assert "%matplotlib" in data["output"]  # notes reach the teacher


def test_gradescope_rejects_what_the_spec_forbids():
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"score": 1, "tests": [{"status": "ok"}]}, GRADESCOPE_SCHEMA)


def test_junit_read_back_by_junitparser(report, tmp_path):
    path = tmp_path / "junit.xml"
    path.write_text(junit.render(report), encoding="utf-8")
    xml = JUnitXml.fromfile(str(path))
    suites = {suite.name: suite for suite in xml}
    assert list(suites) == ["conv_output_size", "pool_output_size", "module_basics"]
    assert suites["conv_output_size"].tests == 2 and suites["conv_output_size"].failures == 0
    assert suites["pool_output_size"].failures == 1
    assert suites["module_basics"].errors == 2  # a missing file is an error, not a wrong answer
    ceil = next(c for c in suites["pool_output_size"] if c.name == "ceil_mode")
    problem = ceil.result[0]
    assert isinstance(problem, Failure) and problem.message == "expected 3, got 2 <b>"
    assert "use ceil" in problem.text
    missing = next(iter(suites["module_basics"]))
    assert isinstance(missing.result[0], Error)
    system_out = ET.parse(path).getroot().find("testsuite/system-out").text
    assert system_out == "debug <&>  printed"  # control characters XML cannot carry are dropped


def test_github_runner_result(report):
    data = json.loads(github.render(report))
    jsonschema.validate(data, GITHUB_RUNNER_SCHEMA)
    assert data["version"] == 1 and data["status"] == "fail" and data["max_score"] == 30
    assert sum(t["score"] for t in data["tests"]) == 16.67  # summed left to right, as the reporter does
    assert len(data["tests"]) == 3  # one test per exercise
    assert {t["status"] for t in data["tests"]} == {"pass", "fail", "error"}
    assert all(t["test_code"].startswith("learn check ") for t in data["tests"])
    step = github.step_output(github.render(report))
    assert step.startswith("result=") and step.endswith("\n")
    assert json.loads(base64.b64decode(step.removeprefix("result=").strip())) == data


def test_json_document(report):
    data = json.loads(document.render(report))
    assert data["kind"] == "learn-grade" and data["version"] == 1
    assert data["versions"]["torch"] == "2.14.1" and data["versions"]["python"]
    assert [e["exercise"] for e in data["exercises"]] == ["conv_output_size", "pool_output_size", "module_basics"]
    pool = data["exercises"][1]
    assert pool["passed_cases"] == 2 and pool["total_cases"] == 3 and pool["status"] == "failed"
    assert pool["cases"][1]["message"] == "expected 3, got 2 <b>"
    assert pool["notes"] and data["exercises"][2]["status"] == "error"
    assert data["score"] == pytest.approx(report.score) and data["max_score"] == 30


def test_table_summary_names_every_exercise_and_the_total(report):
    console = Console(file=io.StringIO(), width=100, color_system=None)
    console.print(submission_summary(report, "en"))
    out = console.file.getvalue()
    assert "pool_output_size" in out and "2/3" in out and "6.67/10" in out
    assert "not graded" in out and "No file for this exercise" in out
    assert "Total: 16.67/30 points (56%), 1 of 3 exercises passed." in out


def test_min_score_threshold():
    assert min_score_threshold(None, 30) == 30
    assert min_score_threshold("80%", 30) == pytest.approx(24)
    assert min_score_threshold("7.5", 30) == 7.5
    for bad in ("lots", "-1"):
        with pytest.raises(Exception, match="--min-score"):
            min_score_threshold(bad, 30)


def test_reaches_tolerates_rounding(report):
    assert reaches(report, report.score)
    assert not reaches(report, report.score + 0.01)


@pytest.fixture(scope="module")
def class_report(report, catalog) -> ClassReport:
    perfect = SubmissionReport("bob", "/subs/bob", tuple(
        Graded(g.exercise, ExerciseResult(g.exercise.id, PASSED, (case("all", True, 10.0),))) for g in report.graded
    ))
    exercises = tuple(g.exercise for g in report.graded)
    return ClassReport(exercises, (report, perfect), seconds=4.0, jobs=2)


def test_pass_rates(class_report):
    rates = {r.exercise.id: r for r in class_report.pass_rates()}
    assert rates["conv_output_size"].rate == 100
    assert rates["pool_output_size"].passed == 1 and rates["pool_output_size"].rate == 50
    assert rates["module_basics"].mean_percent == 50
    console = Console(file=io.StringIO(), width=100, color_system=None)
    console.print(pass_rates(class_report, "zh"))
    assert "各练习通过率" in console.file.getvalue()


def test_csv_rows(class_report):
    rows = list(csv.DictReader(io.StringIO(spreadsheet.render(class_report))))
    assert list(rows[0])[:4] == ["student", "total", "max_score", "percent"]
    assert rows[0]["student"] == "'=alice <script>"  # never a spreadsheet formula
    assert rows[0]["conv_output_size"] == "10" and rows[0]["module_basics"] == "0"
    assert rows[0]["pool_output_size"] == "6.67" and rows[0]["total"] == "16.67"
    assert rows[1] == {**rows[1], "student": "bob", "total": "30", "percent": "100.0"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs

    def handle_data(self, data):
        self.text.append(data)


def test_html_report_is_self_contained_and_escaped(class_report, catalog):
    page = html_report.render(class_report, "en", {"/subs/alice": "grades/alice.json"})
    parser = _Collector()
    parser.feed(page)
    assert parser.tags.count("script") == 1 and "link" not in parser.tags and "img" not in parser.tags
    assert not any(name in ("src", "srcset") for name, _ in parser.attrs)  # the one script is inline
    assert [value for name, value in parser.attrs if name == "href"] == ["grades/alice.json"]
    assert "default-src 'none'" in page  # the browser itself refuses any request
    text = " ".join(parser.text)
    assert "=alice <script>" in text and "<script>alert" not in page and "Pass rate per exercise" in text
    assert 'style="width:50.0%"' in page  # pool_output_size's bar
    assert "16.67/30" in page and "56%" in page


def test_html_report_tells_the_states_apart(class_report):
    alice = class_report.reports[0]
    assert [answer_state(g.result) for g in alice.graded] == ["passed", "partial", "error"]
    missing = replace(alice.graded[2].result, missing=True)
    assert answer_state(missing) == "missing"
    wrong = replace(alice.graded[1].result, cases=tuple(replace(c, passed=False, points=0.0)
                                                        for c in alice.graded[1].result.cases))
    assert answer_state(wrong) == "wrong"
    page = html_report.render(class_report, "zh")
    assert "部分正确" in page and "得分分布" in page
