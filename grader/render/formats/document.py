"""The project's own result document: every exercise, every case, points, messages, versions.

`DOCUMENT_VERSION` (in grader.results) is bumped whenever a key changes
meaning or disappears; new keys may be added without a bump.
"""

from __future__ import annotations

import json
from typing import Any

from grader.results import DOCUMENT_VERSION, SubmissionReport

DOCUMENT_KIND = "learn-grade"


def submission_document(report: SubmissionReport) -> dict[str, Any]:
    """The report as plain JSON-ready data, every text in the report's language."""
    return {
        "kind": DOCUMENT_KIND,
        "version": DOCUMENT_VERSION,
        "submission": report.name,
        "path": report.path,
        "graded_at": report.graded_at,
        "lang": report.lang,
        "score": report.score,
        "max_score": report.max_score,
        "percent": round(report.percent, 2),
        "exercises_passed": report.passed_count,
        "exercises_total": len(report.graded),
        "seconds": round(report.seconds, 3),
        "note": report.note.get(report.lang),
        "versions": dict(report.versions),
        "isolation": dict(report.isolation),
        "exercises": [
            {
                **graded.result.to_dict(report.lang),
                "title": graded.exercise.title.get(report.lang),
                "topic": graded.exercise.topic.id,
                "points": graded.exercise.points,
                "passed_cases": graded.result.passed_count,
                "total_cases": len(graded.result.cases),
            }
            for graded in report.graded
        ],
    }


def render(report: SubmissionReport) -> str:
    """The result document as indented JSON text."""
    return json.dumps(submission_document(report), ensure_ascii=False, indent=2) + "\n"
