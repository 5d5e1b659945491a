"""A self-contained HTML page for the teacher: pass rates as a bar chart, then every student."""

from __future__ import annotations

from html import escape
from string import Template

from grader.classroom import ClassReport, PassRate
from grader.grading import SubmissionReport
from grader.i18n import msg

_PAGE = Template("""<!DOCTYPE html>
<html lang="$lang">
<head>
<meta charset="utf-8">
<title>$title</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; }
table { border-collapse: collapse; margin-bottom: 2rem; }
th, td { padding: 0.25rem 0.6rem; text-align: left; border-bottom: 1px solid #ddd; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.bar { background: #eee; width: 20rem; height: 1rem; }
.bar div { height: 1rem; background: #2b8a3e; }
.bar div.low { background: #c92a2a; }
.bar div.mid { background: #e67700; }
.full { color: #2b8a3e; } .zero { color: #c92a2a; }
</style>
</head>
<body>
<h1>$title</h1>
<p>$summary</p>
<h2>$rates_title</h2>
<table>
<tr><th>$col_exercise</th><th>$col_passed</th><th>$col_rate</th><th>$col_mean</th></tr>
$rate_rows
</table>
<h2>$students_title</h2>
<table>
<tr><th>$col_student</th><th>$col_total</th>$exercise_headers<th>$col_note</th></tr>
$student_rows
</table>
</body>
</html>
""")


def render(report: ClassReport, lang: str) -> str:
    """The whole page as one string (no scripts, no external files)."""
    return _PAGE.substitute(
        lang=escape(lang),
        title=escape(msg("class_report_title", lang)),
        summary=escape(msg("class_summary", lang, count=len(report.reports), seconds=f"{report.seconds:.1f}",
                           per_submission=f"{report.seconds_per_submission:.2f}", jobs=report.jobs)),
        rates_title=escape(msg("class_rates_title", lang)),
        students_title=escape(msg("class_students_title", lang)),
        col_exercise=escape(msg("grade_col_exercise", lang)),
        col_passed=escape(msg("class_col_passed", lang)),
        col_rate=escape(msg("class_col_rate", lang)),
        col_mean=escape(msg("class_col_mean", lang)),
        col_student=escape(msg("class_col_student", lang)),
        col_total=escape(msg("class_col_total", lang)),
        col_note=escape(msg("class_col_note", lang)),
        rate_rows="\n".join(_rate_row(rate) for rate in report.pass_rates()),
        exercise_headers="".join(f"<th>{escape(e.id)}</th>" for e in report.exercises),
        student_rows="\n".join(_student_row(report, student) for student in report.reports),
    )


def _rate_row(rate: PassRate) -> str:
    level = "low" if rate.rate < 40 else "mid" if rate.rate < 70 else ""
    bar = f'<div class="bar"><div class="{level}" style="width:{rate.rate:.1f}%"></div></div>'
    return (f"<tr><td>{escape(rate.exercise.id)}</td><td class=\"num\">{rate.passed}/{rate.graded}</td>"
            f"<td>{bar} {rate.rate:.0f}%</td><td class=\"num\">{rate.mean_percent:.0f}%</td></tr>")


def _student_row(report: ClassReport, student: SubmissionReport) -> str:
    cells = []
    for exercise in report.exercises:
        result = student.result_for(exercise.id)
        if result is None:
            cells.append("<td></td>")
            continue
        style = "full" if result.passed else "zero" if result.score == 0 else ""
        cells.append(f'<td class="num {style}">{round(result.score, 2):g}/{round(result.max_score, 2):g}</td>')
    total = f"{round(student.score, 2):g}/{round(student.max_score, 2):g}"
    return (f"<tr><td>{escape(student.name)}</td><td class=\"num\">{total}</td>"
            f"{''.join(cells)}<td>{escape(student.note)}</td></tr>")
