"""The Rich summaries `learn grade` prints for people: one submission, or a class's pass rates."""

from __future__ import annotations

import io

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from grader.results import ClassReport, SubmissionReport, points_text
from grader.text.i18n import msg

STATUS_STYLE = {"passed": "green", "failed": "red", "error": "red", "infra": "magenta"}
BAR_WIDTH = 20


def submission_summary(report: SubmissionReport, lang: str) -> Group:
    """Per exercise: checks passed, points earned, status; then notes and the total."""
    table = Table(show_edge=False, header_style="bold")
    for key in ("grade_col_exercise", "grade_col_checks", "grade_col_points", "grade_col_status"):
        table.add_column(msg(key, lang))
    notes: list[Text] = []
    for graded in report.graded:
        result = graded.result
        status = result.status
        table.add_row(
            graded.exercise.id,
            f"{result.passed_count}/{len(result.cases)}",
            f"{points_text(result.score)}/{points_text(result.max_score)}",
            Text(msg(f"grade_status_{status}", lang), style=STATUS_STYLE[status]),
        )
        problem = result.message.get(lang)
        if problem and status in ("error", "infra"):
            notes.append(Text(f"{graded.exercise.id}: {problem.splitlines()[0]}", style="dim"))
        notes += [Text(f"{graded.exercise.id}: {note.get(lang)}", style="dim") for note in result.notes]
    parts: list[RenderableType] = [table, *notes]
    if report.note.get(lang):
        parts.append(Text(report.note.get(lang), style="red"))
    parts.append(Text(total_line(report, lang), style="bold green" if report.all_passed else "bold"))
    return Group(*parts)


def plain_text(report: SubmissionReport, lang: str) -> str:
    """The summary as plain text, 100 columns wide: what `--format table --output FILE` writes."""
    buffer = io.StringIO()
    Console(file=buffer, width=100, color_system=None).print(submission_summary(report, lang))
    return buffer.getvalue()


def total_line(report: SubmissionReport, lang: str) -> str:
    return msg("grade_total", lang, score=report.score, max_score=report.max_score,
               percent=f"{report.percent:.0f}", passed=report.passed_count, total=len(report.graded))


def pass_rates(report: ClassReport, lang: str) -> Group:
    """Which exercises the class struggles with: pass rate as a bar, and the mean score."""
    table = Table(title=msg("class_rates_title", lang), show_edge=False, header_style="bold")
    for key in ("grade_col_exercise", "class_col_passed", "class_col_rate", "class_col_mean"):
        table.add_column(msg(key, lang))
    for rate in report.pass_rates():
        filled = round(BAR_WIDTH * rate.rate / 100)
        style = "red" if rate.rate < 40 else "yellow" if rate.rate < 70 else "green"
        bar = Text("█" * filled, style=style) + Text("░" * (BAR_WIDTH - filled), style="dim")
        table.add_row(rate.exercise.id, f"{rate.passed}/{rate.graded}", bar + Text(f" {rate.rate:.0f}%"),
                      f"{rate.mean_percent:.0f}%")
    summary = msg("class_summary", lang, count=len(report.reports), seconds=f"{report.seconds:.1f}",
                  per_submission=f"{report.seconds_per_submission:.2f}", jobs=report.jobs)
    return Group(table, Text(summary, style="bold"))
