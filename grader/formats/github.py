"""GitHub Classroom: the runner result that classroom-resources/autograding-grading-reporter reads.

A workflow step puts this JSON, base64-encoded, in its `result` output; the
reporter sums `tests[].score` against `max_score` and shows `Points X/Y`.
`learn grade --format github` also appends `result=<base64>` to the file
named by $GITHUB_OUTPUT when it is set, so the step needs no shell glue.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from grader.grading import SubmissionReport, case_shares
from grader.results import ERROR, INFRA

RUNNER_VERSION = 1


def runner_result(report: SubmissionReport) -> dict[str, Any]:
    """The report as one runner's result: version, status, max_score and a test per case."""
    tests = []
    for graded in report.graded:
        result = graded.result
        broken = result.status in (ERROR, INFRA)
        for case, (earned, _possible) in zip(result.cases, case_shares(result)):
            message = "\n".join(part for part in (case.message, case.hint and f"Hint: {case.hint}") if part)
            tests.append({
                "name": f"{graded.exercise.id}: {case.name}",
                "status": "pass" if case.passed else ("error" if broken else "fail"),
                "score": earned,
                "message": message or None,
                "test_code": f"learn check {graded.exercise.id}",
                "filename": graded.exercise.relative_path,
                "line_no": 0,
                "duration": round(case.seconds * 1000),
            })
    if report.all_passed:
        status = "pass"
    elif any(g.result.status in (ERROR, INFRA) for g in report.graded) and report.score == 0:
        status = "error"
    else:
        status = "fail"
    return {"version": RUNNER_VERSION, "status": status, "max_score": round(report.max_score, 2), "tests": tests}


def render(report: SubmissionReport) -> str:
    """The runner result as JSON text."""
    return json.dumps(runner_result(report), ensure_ascii=False, indent=2) + "\n"


def step_output(document: str) -> str:
    """The `result=<base64>` line a workflow step writes to $GITHUB_OUTPUT."""
    compact = json.dumps(json.loads(document), ensure_ascii=False, separators=(",", ":"))
    return "result=" + base64.b64encode(compact.encode("utf-8")).decode("ascii") + "\n"
