"""Gradescope's autograder `results.json`: a score, and one test per case with its points.

Written to `/autograder/results/results.json` by the `run_autograder`
script that `learn gradescope build` puts in the autograder zip. A case's
visibility comes from its check module (`visible`, `hidden`,
`after_due_date`, `after_published`); a non-visible case's failure already
says no expected value (see results.with_visibility).
"""

from __future__ import annotations

import json
from typing import Any

from grader.results import ExerciseResult, SubmissionReport, case_shares, points_text

#: Gradescope renders the text of `output` inside a <pre>; a long traceback helps no one
MAX_OUTPUT_CHARS = 4000


def results_json(report: SubmissionReport) -> dict[str, Any]:
    """The report in the shape Gradescope reads."""
    tests = []
    for number, graded in enumerate(report.graded, start=1):
        tests += _tests(number, graded.exercise.id, graded.exercise.topic.id, graded.result, report.lang)
    return {
        "score": report.score,
        "execution_time": round(report.seconds, 3),
        "output": _overview(report),
        "output_format": "text",
        "test_output_format": "text",
        "visibility": "visible",
        "stdout_visibility": "hidden",
        "extra_data": {"versions": dict(report.versions), "submission": report.name},
        "tests": tests,
    }


def _tests(number: int, exercise_id: str, topic: str, result: ExerciseResult, lang: str) -> list[dict[str, Any]]:
    tests = []
    shares = case_shares(result)
    for case_number, (case, (earned, possible)) in enumerate(zip(result.cases, shares, strict=True), start=1):
        message, hint = case.message.get(lang), case.hint.get(lang)
        output = "\n".join(part for part in (message, hint and f"Hint: {hint}") if part)
        test = {
            "name": f"{exercise_id}: {case.name.get(lang)}",
            "number": f"{number}.{case_number}",
            "score": earned,
            "max_score": possible,
            "status": "passed" if case.passed else "failed",
            "visibility": case.visibility,
            "tags": [exercise_id, topic],
        }
        if output:
            test["output"] = _trim(output)
        tests.append(test)
    return tests


def _overview(report: SubmissionReport) -> str:
    lines = [f"{report.passed_count}/{len(report.graded)} exercises passed, "
             f"{points_text(report.score)}/{points_text(report.max_score)} points."]
    if report.note.get(report.lang):
        lines.append(report.note.get(report.lang))
    for graded in report.graded:
        result = graded.result
        lines.append(f"{graded.exercise.id}: {result.passed_count}/{len(result.cases)} checks, "
                     f"{points_text(result.score)}/{points_text(result.max_score)} points")
        lines += [f"  note: {note.get(report.lang)}" for note in result.notes]
    return _trim("\n".join(lines))


def _trim(text: str) -> str:
    if len(text) <= MAX_OUTPUT_CHARS:
        return text
    return text[:MAX_OUTPUT_CHARS] + f"\n… ({len(text) - MAX_OUTPUT_CHARS} more characters)"


def render(report: SubmissionReport) -> str:
    """results.json as text."""
    return json.dumps(results_json(report), ensure_ascii=False, indent=2) + "\n"
