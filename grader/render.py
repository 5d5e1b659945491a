"""The only module that prints with Rich: results and catalogue in, terminal out."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console, Group
from rich.markup import escape
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from grader.catalog import Catalog, Exercise
from grader.i18n import msg
from grader.progress import PASSED, Progress
from grader.results import ExerciseResult

STATUS_STYLE = {"passed": "green", "failing": "red", "not started": "dim"}


def exercise_table(catalog: Catalog, progress: Progress, lang: str) -> Group:
    """Every exercise in order with its status, then the overall progress line."""
    table = Table(show_edge=False, header_style="bold")
    for key in ("ui_col_number", "ui_col_id", "ui_col_topic", "ui_col_title", "ui_col_status"):
        table.add_column(msg(key, lang))
    for number, exercise in enumerate(catalog.exercises, start=1):
        status = progress.status(exercise.id)
        table.add_row(
            str(number),
            exercise.id,
            exercise.topic.title.get(lang),
            exercise.title.get(lang),
            Text(msg(f"ui_status_{status}", lang), style=STATUS_STYLE[status]),
        )
    return Group(table, Text(progress_line(catalog, progress, lang)))


def progress_line(catalog: Catalog, progress: Progress, lang: str) -> str:
    total = len(catalog.exercises)
    passed = sum(progress.status(e.id) == PASSED for e in catalog.exercises)
    percent = round(100 * passed / total) if total else 0
    return msg("ui_progress_line", lang, passed=passed, total=total, percent=percent)


def list_json(catalog: Catalog, progress: Progress, lang: str) -> dict[str, Any]:
    return {
        "exercises": [
            {
                "number": number,
                "id": e.id,
                "topic": e.topic.id,
                "title": e.title.get(lang),
                "status": progress.status(e.id),
                "points": e.points,
            }
            for number, e in enumerate(catalog.exercises, start=1)
        ],
        "passed": sum(progress.status(e.id) == PASSED for e in catalog.exercises),
        "total": len(catalog.exercises),
    }


def exercise_result(result: ExerciseResult, lang: str) -> Group:
    """✓/✗ per case with the explanation and hint of each failure, then a summary."""
    parts: list[Any] = []
    if result.message:
        parts.append(Panel(Text(result.message), border_style="red", expand=False))
    shown = {result.message}  # each explanation once: ten cases failing alike is one problem
    for case in result.cases:
        mark = Text("✓ ", style="green") if case.passed else Text("✗ ", style="red")
        parts.append(mark + Text(case.name))
        if case.passed:
            continue
        if case.message in shown:
            parts.append(Padding(Text(msg("ui_same_as_above", lang), style="dim"), (0, 0, 0, 4)))
        elif case.message:
            parts.append(Padding(Text(case.message), (0, 0, 0, 4)))
            shown.add(case.message)
        if case.hint and case.hint not in shown:
            parts.append(Padding(Text.from_markup(f"[yellow]{msg('ui_hint_label', lang)}:[/] {escape(case.hint)}"), (0, 0, 0, 4)))
            shown.add(case.hint)
    output = learner_output(result)
    if output:
        parts.append(Panel(Text(output), title=msg("ui_learner_output", lang), border_style="dim", expand=False))
    parts.append(Text(summary_line(result, lang), style="bold green" if result.passed else "bold red"))
    key = "ui_next_step_passed" if result.passed else "ui_next_step_failed"
    parts.append(Text(msg(key, lang, file=result.file, exercise=result.exercise), style="dim"))
    return Group(*parts)


def learner_output(result: ExerciseResult, max_lines: int = 20) -> str:
    """What the learner's code printed, cut to its first lines for the terminal."""
    output = (result.stdout + ("\n" + result.stderr if result.stderr.strip() else "")).strip()
    lines = output.splitlines()
    if len(lines) <= max_lines:
        return output
    return "\n".join(lines[:max_lines] + [f"… ({len(lines) - max_lines} more lines)"])


def summary_line(result: ExerciseResult, lang: str) -> str:
    key = "ui_result_passed" if result.passed else "ui_result_failed"
    return msg(
        key,
        lang,
        exercise=result.exercise,
        passed=result.passed_count,
        total=len(result.cases),
        score=result.score,
        max_score=result.max_score,
    )


def hints(exercise: Exercise, lang: str) -> Group:
    title = Text(msg("ui_hints_title", lang, exercise=exercise.id), style="bold")
    if not exercise.hints:
        return Group(title, Text(msg("ui_no_hints", lang)))
    lines = [Text(f"{i}. {h.get(lang)}") for i, h in enumerate(exercise.hints, start=1)]
    return Group(title, *lines)


def print_json(console: Console, data: Any) -> None:
    """JSON on stdout, unstyled, so scripts can read it."""
    console.file.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
