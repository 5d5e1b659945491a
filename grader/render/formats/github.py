"""GitHub Classroom: the runner result that classroom-resources/autograding-grading-reporter reads.

A workflow step puts this JSON, base64-encoded, in its `result` output; the
reporter step receives it as ONE environment variable (`LEARN_RESULTS`),
sums `tests[].score` into the `Points X/Y` that Classroom records, and logs
each test's name (and the message of an errored test).

Linux refuses to start a program whose single environment string is over
128 KiB (MAX_ARG_STRLEN), so the result has one test per exercise, not per
case: the reporter shows nothing but a test's name for a failed test, so
per-case detail would only cost size. The message names the failed checks
briefly (`learn check ID` in the student's own copy explains them), and the
whole encoded result stays under RESULT_BUDGET bytes, half the limit.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from grader.results import CENTS, ERROR, HIDDEN, INFRA, VISIBLE, Graded, SubmissionReport, points_text

RUNNER_VERSION = 1
#: Linux's limit on one environment string, `NAME=value` and its final NUL byte
MAX_ARG_STRLEN = 131072
#: what one encoded result may take: half the limit (a course twice this size stays under it with its messages)
RESULT_BUDGET = 64 * 1024
#: how many failed checks a test's message names, and how long one name may be
NAMED_FAILURES = 3
MAX_NAME_CHARS = 90
MAX_MESSAGE_CHARS = 400


def runner_result(report: SubmissionReport) -> dict[str, Any]:
    """The report as one runner's result: version, status, max_score and one test per exercise."""
    tests = [_test(graded, report.lang) for graded in report.graded]
    scores = reporter_scores([g.result.score_cents for g in report.graded], report.score_cents)
    for test, score in zip(tests, scores, strict=True):
        test["score"] = score
    if report.all_passed:
        status = "pass"
    elif any(g.result.status in (ERROR, INFRA) for g in report.graded) and report.score_cents == 0:
        status = "error"
    else:
        status = "fail"
    result: dict[str, Any] = {"version": RUNNER_VERSION, "status": status, "max_score": report.max_score,
                              "tests": tests}
    if len(encode(result)) > RESULT_BUDGET:  # only a far larger course gets here: keep the points, drop the words
        for test in result["tests"]:
            test["message"] = None
    return result


def _test(graded: Graded, lang: str) -> dict[str, Any]:
    result = graded.result
    broken = result.status in (ERROR, INFRA)
    return {
        "name": _short(f"{graded.exercise.id}: {graded.exercise.title.get(lang)}", MAX_NAME_CHARS),
        "status": "pass" if result.passed else ("error" if broken else "fail"),
        "score": result.score,
        "message": None if result.passed else _message(graded, lang),
        "test_code": f"learn check {graded.exercise.id}",
        "filename": graded.exercise.relative_path,
        "line_no": 0,
        "duration": round(result.seconds * 1000),
    }


def _message(graded: Graded, lang: str) -> str:
    """Points, the checks passed, the first failed checks by name; never a hidden check's details."""
    result = graded.result
    lines = [f"{points_text(result.score)}/{points_text(result.max_score)} points, "
             f"{result.passed_count}/{len(result.cases)} checks passed."]
    problem = result.message.get(lang)
    if problem:
        lines.append(_short(problem.splitlines()[0], MAX_NAME_CHARS * 2))
    else:
        failed = [case for case in result.cases if not case.passed]
        for case in failed[:NAMED_FAILURES]:
            name = case.name.get(lang)
            label = name if case.visibility == VISIBLE else f"{name} ({HIDDEN})"
            lines.append("- " + _short(label, MAX_NAME_CHARS))
        if len(failed) > NAMED_FAILURES:
            lines.append(f"- … +{len(failed) - NAMED_FAILURES}")
    return _short("\n".join(lines), MAX_MESSAGE_CHARS)


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def reporter_scores(cents: list[int], total_cents: int) -> list[float]:
    """Per-test scores whose sum, added up left to right in doubles as the reporter does, is the total.

    0.1 + 0.2 is not 0.3 in floating point: 33 scores like 9.09 could show as
    `Points 329.09000000000003/330`. When that would happen, the last non-zero
    score takes the double that makes the sum exact (it still rounds to the
    same hundredths).
    """
    scores = [c / CENTS for c in cents]
    target = total_cents / CENTS
    if _left_to_right_sum(scores) == target:
        return scores
    last = max((i for i, c in enumerate(cents) if c), default=None)
    if last is None:
        return scores
    before = _left_to_right_sum(scores[:last])
    adjusted = target - before
    if before + adjusted == target and round(adjusted * CENTS) == cents[last]:
        scores[last] = adjusted
    return scores


def _left_to_right_sum(values: list[float]) -> float:
    total = 0.0  # the reporter's reduce starts from 0 and adds each score in order
    for value in values:
        total += value
    return total


def encode(result: dict[str, Any]) -> str:
    """The base64 text of the compact JSON, as the step output carries it."""
    compact = json.dumps(result, ensure_ascii=False, separators=(",", ":"))
    return base64.b64encode(compact.encode("utf-8")).decode("ascii")


def render(report: SubmissionReport) -> str:
    """The runner result as JSON text."""
    return json.dumps(runner_result(report), ensure_ascii=False, indent=2) + "\n"


def step_output(document: str) -> str:
    """The `result=<base64>` line a workflow step writes to $GITHUB_OUTPUT."""
    return "result=" + encode(json.loads(document)) + "\n"
