"""Rich views of the self-study commands: statements, resets, solutions, doctor, progress, init.

Pure functions of what `grader.usecases.practice`, `grader.usecases.reset` and `grader.usecases.doctor` return; the
command module prints them. Result views (checks, lists, hints) stay in
`grader.render.terminal`.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from rich.console import Group
from rich.panel import Panel
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text

from grader.outcomes import ExerciseView, Finding, InitOutcome, ProgressReport, ResetOutcome, SolutionView
from grader.render.prose import Prose, StatementText
from grader.text.i18n import msg


def shown_path(path: Path) -> str:
    """A path relative to the current folder when it is below it, else absolute: what a learner would type."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def exercise_view(view: ExerciseView, total: int, lang: str) -> Group:
    """Header, the statement as written (prose wrapped, code lines whole), then the file to edit and how to check it."""
    exercise = view.exercise
    header = Text.assemble(
        (msg("ui_exercise_header", lang, number=view.number, total=total, exercise=exercise.id), "bold cyan"),
        "  ",
        (exercise.title.get(lang), "bold"),
        ("  · " + exercise.topic.title.get(lang), "dim"),
    )
    parts: list[Any] = [header]
    body = view.statement.body.get(lang)
    if body:
        parts += [Text(""), StatementText(body, indent=2), Text("")]
    parts.append(Prose(msg("ui_your_file", lang, file=shown_path(view.path))))
    parts.append(Prose(msg("ui_how_to_check", lang, exercise=exercise.id), style="green"))
    return Group(*parts)


def exercise_json(view: ExerciseView, lang: str) -> dict[str, Any]:
    return {
        "exercise": view.exercise.id,
        "number": view.number,
        "title": view.exercise.title.get(lang),
        "topic": view.exercise.topic.id,
        "file": str(view.path),
        "statement": view.statement.body.get(lang),
        "check": f"learn check {view.exercise.id}",
    }


def all_done(total: int, lang: str) -> Text:
    return Text(msg("ui_all_done", lang, total=total), style="bold green")


def reset_outcome(outcome: ResetOutcome, lang: str) -> Group:
    """Which file was restored, and where the replaced version went and how to get it back."""
    lines = []
    if outcome.restored_from is not None:
        lines.append(Text(msg("ui_undo_done", lang, file=shown_path(outcome.path),
                              backup=shown_path(outcome.restored_from)), style="green"))
        if outcome.backup is not None:
            lines.append(Text(msg("ui_undo_saved", lang, backup=shown_path(outcome.backup))))
        return Group(*lines)
    lines.append(Text(msg("ui_reset_done", lang, file=shown_path(outcome.path)), style="green"))
    if outcome.backup is None:
        lines.append(Text(msg("ui_reset_nothing_saved", lang)))
    else:
        lines.append(Text(msg("ui_reset_saved", lang, backup=shown_path(outcome.backup))))
        lines.append(Text(msg("ui_reset_undo", lang, exercise=outcome.exercise, backup=shown_path(outcome.backup),
                              file=shown_path(outcome.path)), style="dim"))
    return Group(*lines)


def solution(view: SolutionView, lang: str) -> Group:
    """The reference with line numbers and highlighting, and a reminder that the learner's file is untouched."""
    from rich.syntax import Syntax  # pygments is slow to import: only `solution` needs it

    code = Syntax(view.source, "python", line_numbers=True, word_wrap=True, theme="ansi_dark")
    title = msg("ui_solution_title", lang, exercise=view.exercise.id, file=shown_path(view.path))
    return Group(Panel(code, title=title, title_align="left", border_style="cyan"),
                 Text(msg("ui_solution_untouched", lang), style="dim"))


def doctor_report(findings: list[Finding], lang: str) -> Group:
    """✓/✗ per finding with what was found, then each problem's fix."""
    table = Table(show_header=False, show_edge=False, box=None, padding=(0, 1))
    for finding in findings:
        mark = Text("✓", style="green") if finding.ok else Text("✗", style="red")
        # fold: a Chinese detail has no spaces to wrap at, and must never be cut short with "…"
        table.add_row(mark, Text(finding.label.get(lang), style="bold"), Text(finding.detail_in(lang), overflow="fold"))
    parts: list[Any] = [table]
    problems = [f for f in findings if not f.ok]
    for finding in problems:
        if finding.fix is not None:
            parts.append(Text.assemble(("✗ ", "red"), (finding.label.get(lang) + ": ", "bold"), finding.fix.get(lang)))
    summary = msg("ui_doctor_problems", lang, count=len(problems)) if problems else msg("ui_doctor_ok", lang)
    parts.append(Text(summary, style="bold red" if problems else "bold green"))
    return Group(*parts)


def doctor_json(findings: list[Finding], lang: str) -> dict[str, Any]:
    return {
        "ok": all(f.ok for f in findings),
        "findings": [
            {"label": f.label.get(lang), "ok": f.ok, "detail": f.detail_in(lang),
             "fix": f.fix.get(lang) if f.fix else None}
            for f in findings
        ],
    }


def progress_report(report: ProgressReport, lang: str, now: float | None = None) -> Group:
    """One row per topic with a bar, then the last activity and the next exercise."""
    table = Table(show_edge=False, header_style="bold")
    for key in ("ui_col_topic", "ui_col_progress", "ui_col_passed"):
        table.add_column(msg(key, lang))
    for row in report.topics:
        done = row.passed == row.total
        table.add_row(row.topic.title.get(lang),
                      ProgressBar(total=row.total, completed=row.passed, width=20,
                                  complete_style="green", finished_style="bold green"),
                      Text(f"{row.passed}/{row.total}", style="green" if done else ""))
    percent = round(100 * report.passed / report.total) if report.total else 0
    parts: list[Any] = [table, Text(msg("ui_progress_line", lang, passed=report.passed, total=report.total,
                                        percent=percent), style="bold")]
    if report.last_activity is None:
        parts.append(Text(msg("ui_no_activity", lang), style="dim"))
    else:
        parts.append(Text(msg("ui_last_activity", lang, ago=ago(report.last_activity, lang, now)), style="dim"))
    if report.next is None:
        parts.append(all_done(report.total, lang))
    else:
        parts.append(Text(msg("ui_next_exercise", lang, exercise=report.next.id, title=report.next.title.get(lang))))
    return Group(*parts)


def progress_json(report: ProgressReport, lang: str) -> dict[str, Any]:
    return {
        "topics": [{"topic": t.topic.id, "title": t.topic.title.get(lang), "passed": t.passed, "total": t.total}
                   for t in report.topics],
        "passed": report.passed,
        "total": report.total,
        "last_activity": report.last_activity,
        "next": report.next.id if report.next else None,
    }


def ago(moment: float, lang: str, now: float | None = None) -> str:
    """"3 minutes ago" / "3 分钟前", at the coarsest unit that is at least one."""
    seconds = max(0, int((time.time() if now is None else now) - moment))
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            return msg(f"ui_ago_{unit}", lang, n=seconds // size)
    return msg("ui_ago_now", lang)


def init_outcome(outcome: InitOutcome, lang: str) -> Group:
    return Group(
        Text(msg("ui_init_done", lang, count=outcome.exercises, root=outcome.root), style="green"),
        Text(msg("ui_init_next", lang, root=outcome.root)),
    )
