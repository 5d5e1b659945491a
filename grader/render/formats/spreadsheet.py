"""The class grade sheet: one CSV row per student, one column per exercise."""

from __future__ import annotations

import csv
import io

from grader.results import ClassReport, points_text

#: cells a spreadsheet would run as a formula; a folder name must stay a name
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def render(report: ClassReport) -> str:
    """CSV text: student, total, max_score, percent, a score per exercise, then the note (in the report's language)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["student", "total", "max_score", "percent", *[e.id for e in report.exercises], "note"])
    for student in report.reports:
        scores = []
        for exercise in report.exercises:
            result = student.result_for(exercise.id)
            scores.append(_number(result.score) if result is not None else "")
        writer.writerow([_cell(student.name), _number(student.score), _number(student.max_score),
                         f"{student.percent:.1f}", *scores, _cell(student.note.get(student.lang))])
    return buffer.getvalue()


def _number(value: float) -> str:
    return points_text(value)


def _cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text
