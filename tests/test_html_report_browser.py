"""The class report in a real headless Chromium (Debian's `chromium`, driven by Playwright).

It must load with no console error and no network request, fit a laptop
screen, sort the student table, and keep the name column in view while the
table scrolls sideways. A screenshot goes to $LEARN_SCREENSHOT_DIR (default
/tmp) for a person to look at.
"""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import pytest

from grader.render.formats import html_report
from grader.results import ERROR, FAILED, PASSED, CaseResult, ClassReport, ExerciseResult, Graded, SubmissionReport

CHROMIUM = os.environ.get("LEARN_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
SCREENSHOTS = Path(os.environ.get("LEARN_SCREENSHOT_DIR", "/tmp"))

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).is_file() and shutil.which("chromium") is None,
                                reason=f"no Chromium at {CHROMIUM} (apt-get install -y chromium)")


def answer(exercise, kind: str, cases: int = 4) -> ExerciseResult:
    """A result of the given kind, built as the judge builds one (no grading: this test is about the page)."""
    share = exercise.points / cases
    if kind == "missing":
        results = tuple(CaseResult(f"case {i}", False, 0.0, share, "No file for this exercise") for i in range(cases))
        return ExerciseResult(exercise.id, ERROR, results, message="No file for this exercise", missing=True)
    if kind == "error":
        results = tuple(CaseResult(f"case {i}", False, 0.0, share, "SyntaxError") for i in range(cases))
        return ExerciseResult(exercise.id, ERROR, results, message="Syntax error at line 3: '(' was never closed")
    passed = {"passed": cases, "partial": cases // 2, "wrong": 0}[kind]
    results = tuple(CaseResult(f"case {i}", i < passed, share if i < passed else 0.0, share,
                               "" if i < passed else "expected 3, got 2") for i in range(cases))
    return ExerciseResult(exercise.id, PASSED if passed == cases else FAILED, results)


def generated_class(catalog, students: int = 40) -> ClassReport:
    chance = random.Random(40)
    exercises = tuple(catalog.exercises)
    reports = []
    for number in range(students):
        skill = number / students
        graded = []
        for exercise in exercises:
            roll = chance.random()
            kind = ("passed" if roll < skill else "partial" if roll < skill + 0.15 else "wrong" if roll < 0.85
                    else "error" if roll < 0.9 else "missing")
            graded.append(Graded(exercise, answer(exercise, kind)))
        name = f"student{number:03d}" if number else "<b>Zoë \"O'Brien\"</b> & co"  # escaped, not markup
        reports.append(SubmissionReport(name, f"/class/{number}", tuple(graded)))
    empty = SubmissionReport("empty-folder", "/class/empty", tuple(Graded(e, answer(e, "missing")) for e in exercises))
    return ClassReport(exercises, (*reports, empty), seconds=120.0, jobs=2, assignment="Week 3: convolutions",
                       graded_at="2026-12-07T21:00:00+00:00")


@pytest.fixture(scope="module")
def page_file(catalog, tmp_path_factory) -> Path:
    report = generated_class(catalog)
    links = {student.path: f"grades/{student.name}.json" for student in report.reports}
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(html_report.render(report, "en", links), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright (no browser download)")
    with sync_api.sync_playwright() as playwright:
        executable = CHROMIUM if Path(CHROMIUM).is_file() else shutil.which("chromium")
        launched = playwright.chromium.launch(executable_path=executable, args=ARGS, headless=True)
        yield launched
        launched.close()


def names_in_order(page) -> list[str]:
    return page.eval_on_selector_all("#students tbody td.name", "cells => cells.map(c => c.textContent)")


def test_the_report_loads_offline_sorts_and_fits_a_laptop(browser, page_file):
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    problems: list[str] = []
    requests: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("request", lambda request: requests.append(request.url))
    page.goto(page_file.as_uri())
    page.wait_for_load_state("load")

    assert problems == []
    assert requests == [page_file.as_uri()]  # the page itself and nothing else
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366  # no 6,500 px page
    assert "<b>Zoë" in page.inner_text("#students")  # a name shown as text, never as markup

    percent = page.locator("#students th", has_text="%")
    percent.click()
    ascending = page.eval_on_selector_all("#students tbody tr td:nth-child(3)",
                                          "cells => cells.map(c => parseFloat(c.dataset.sort))")
    assert ascending == sorted(ascending) and ascending[0] == 0
    assert names_in_order(page)[0] == "empty-folder"  # the one student at 0%
    percent.click()
    descending = page.eval_on_selector_all("#students tbody tr td:nth-child(3)",
                                           "cells => cells.map(c => parseFloat(c.dataset.sort))")
    assert descending == sorted(descending, reverse=True)
    page.locator("#students th", has_text="student").click()
    assert names_in_order(page) == sorted(names_in_order(page), key=str.lower)

    # The exercise detail of a topic is one click away.
    first_topic = page.locator("#students tbody tr").first.locator("details").first
    first_topic.locator("summary").click()
    assert first_topic.locator("li").count() >= 1 and first_topic.locator("li").first.is_visible()

    # The name column stays in view when the table scrolls sideways.
    page.eval_on_selector("#students", "t => t.parentElement.scrollLeft = 10000")
    left = page.eval_on_selector("#students tbody td.name", "c => c.getBoundingClientRect().left")
    container = page.eval_on_selector("#students", "t => t.parentElement.getBoundingClientRect().left")
    assert abs(left - container) <= 2
    page.eval_on_selector("#students", "t => t.parentElement.scrollLeft = 0")

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(SCREENSHOTS / "learn-class-report.png"))
    page.locator("#students").scroll_into_view_if_needed()
    page.evaluate("document.getElementById('students').scrollIntoView()")
    page.screenshot(path=str(SCREENSHOTS / "learn-class-report-students.png"))
    page.close()
