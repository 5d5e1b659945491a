"""One score: points are whole hundredths, and every format shows the same numbers that add up exactly.

Weights that do not divide evenly (10 points over 11 cases, over 3 cases)
are where floats used to disagree: 9.09 in one place, 9.1 or 9.09091 in another.
"""

from __future__ import annotations

import csv
import io
import json
import re
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st
from junitparser import JUnitXml
from rich.console import Console

from grader.render.formats import document, github, gradescope, html_report, junit, spreadsheet
from grader.render.formats.table import submission_summary
from grader.render.terminal import summary_line
from grader.results import (
    FAILED,
    PASSED,
    CaseResult,
    ClassReport,
    ExerciseResult,
    Graded,
    SubmissionReport,
    apportion,
    points_text,
    settle_points,
)


def weighted(exercise_id: str, cases: int, points: float, failed: set[int]) -> ExerciseResult:
    """An exercise as the judge builds it: each case worth points/cases as a float."""
    share = points / cases
    results = tuple(CaseResult(f"case {i}", i not in failed, 0.0 if i in failed else share, share)
                    for i in range(cases))
    return ExerciseResult(exercise_id, FAILED if failed else PASSED, results)


@pytest.fixture(scope="module")
def uneven(catalog) -> SubmissionReport:
    """11 cases over 10 points with one wrong, 3 cases over 10 with one wrong, and a perfect one."""
    conv, pool, module = (catalog.get(i) for i in ("conv_output_size", "pool_output_size", "module_basics"))
    results = [weighted("conv_output_size", 11, 10, {3}), weighted("pool_output_size", 3, 10, {1}),
               weighted("module_basics", 7, 10, set())]
    graded = tuple(Graded(e, r) for e, r in zip((conv, pool, module), results, strict=True))
    return SubmissionReport("ann", "/subs/ann", graded)


def test_case_points_are_hundredths_that_add_up_to_the_exercise():
    eleven = weighted("x", 11, 10, {3})
    assert [c.max_points for c in eleven.cases] == [0.91] * 10 + [0.9]
    assert eleven.max_score == 10 and eleven.score == 9.09
    three = weighted("x", 3, 10, {1})
    assert [c.max_points for c in three.cases] == [3.34, 3.33, 3.33]
    assert three.score == 6.67


def test_settling_twice_changes_nothing():
    once = weighted("x", 11, 10, {0, 5}).cases
    assert settle_points(once) == once


@given(st.lists(st.integers(min_value=0, max_value=50), min_size=1, max_size=40),
       st.integers(min_value=0, max_value=100_000))
def test_apportion_adds_up_and_stays_within_one_of_the_quota(weights, total):
    fractions = [Fraction(w) for w in weights]
    shares = apportion(fractions, total)
    if sum(weights) == 0:
        assert shares == [0] * len(weights)
        return
    assert sum(shares) == total
    for weight, share in zip(weights, shares, strict=True):
        assert abs(share - Fraction(weight * total, sum(weights))) < 1


def test_every_format_shows_the_same_score(uneven, catalog):
    assert uneven.score == 25.76 and uneven.max_score == 30  # 9.09 + 6.67 + 10
    expected = "25.76/30"

    console = Console(file=io.StringIO(), width=120, color_system=None)
    console.print(submission_summary(uneven, "en"))
    table = console.file.getvalue()
    assert "9.09/10" in table and "6.67/10" in table and "Total: 25.76/30 points" in table

    data = json.loads(document.render(uneven))
    assert data["score"] == 25.76 and data["max_score"] == 30
    assert [e["score"] for e in data["exercises"]] == [9.09, 6.67, 10]
    for exercise in data["exercises"]:
        assert round(sum(c["points"] for c in exercise["cases"]), 2) == exercise["score"]

    scope = json.loads(gradescope.render(uneven))
    assert scope["score"] == 25.76
    assert round(sum(t["score"] for t in scope["tests"]), 2) == 25.76
    assert round(sum(t["max_score"] for t in scope["tests"]), 2) == 30
    assert all(re.fullmatch(r"\d+(\.\d{1,2})?", repr(t["score"]).removesuffix(".0")) for t in scope["tests"])
    assert expected + " points" in scope["output"] and "9.09/10 points" in scope["output"]

    runner = json.loads(github.render(uneven))
    assert sum(t["score"] for t in runner["tests"]) == 25.76 and runner["max_score"] == 30

    xml = JUnitXml.fromstring(junit.render(uneven))
    props = {suite.name: {p.name: p.value for p in suite.properties()} for suite in xml}
    assert props["conv_output_size"]["score"] == "9.09" and props["conv_output_size"]["max_score"] == "10"

    sheet = ClassReport(tuple(g.exercise for g in uneven.graded), (uneven,), seconds=1.0, jobs=1)
    row = next(csv.DictReader(io.StringIO(spreadsheet.render(sheet))))
    assert row["total"] == "25.76" and row["conv_output_size"] == "9.09" and row["pool_output_size"] == "6.67"
    page = html_report.render(sheet, "en")
    assert "25.76" in page and "9.09" in page and "9.0909" not in page

    assert "(9.09/10 points)" in summary_line(uneven.graded[0].result, "en")  # what `learn check` prints


def test_the_reporter_sum_of_a_whole_course_is_exact():
    """Left-to-right float addition of 66 scores like 9.09 must give the rounded total, not 599.9900000000001."""
    cents = [909, 667, 1000, 991, 333, 1] * 11
    scores = github.reporter_scores(cents, sum(cents))
    total = 0.0
    for score in scores:
        total += score
    assert total == sum(cents) / 100
    assert [round(s * 100) for s in scores] == cents


def test_points_text():
    assert [points_text(v) for v in (10.0, 9.09, 3.5, 0.0, 330.0)] == ["10", "9.09", "3.5", "0", "330"]
