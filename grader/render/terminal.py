"""The only module that prints with Rich: results and catalogue in, terminal out."""

from __future__ import annotations

import json
import re
from typing import Any

from rich.cells import cell_len
from rich.columns import Columns
from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from grader.course.catalog import Catalog, Exercise
from grader.course.progress import PASSED, Progress
from grader.render.prose import Prose
from grader.results import CaseResult, ExerciseResult
from grader.text.i18n import msg

STATUS_STYLE = {"passed": "green", "failing": "red", "not started": "dim"}


def status_label(status: str, lang: str) -> str:
    """A progress status ("passed", "failing", "not started") in `lang`: its key spells the space as "_"."""
    return msg(f"ui_status_{status.replace(' ', '_')}", lang)


def exercise_table(catalog: Catalog, progress: Progress, lang: str) -> Group:
    """Every exercise in order with its status, then the overall progress line."""
    return Group(ExerciseTable(catalog, progress, lang), Text(progress_line(catalog, progress, lang)))


class ExerciseTable:
    """The exercise list, fitted to the width: the id is what a learner types, so it is never cut.

    When the window is narrow the topic column goes first, then titles wrap.
    """

    def __init__(self, catalog: Catalog, progress: Progress, lang: str) -> None:
        self.catalog, self.progress, self.lang = catalog, progress, lang

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.table(options.max_width)

    def table(self, width: int) -> Table:
        lang, exercises = self.lang, self.catalog.exercises
        id_width = max([cell_len(msg("ui_col_id", lang))] + [cell_len(e.id) for e in exercises])
        topics = [e.topic.title.get(lang) for e in exercises]
        topic_width = max(cell_len(title) for title in [msg("ui_col_topic", lang), *topics])
        status_width = max(cell_len(status_label(s, lang)) for s in STATUS_STYLE)
        number_width = len(str(len(exercises)))
        title_room = 16  # a title may wrap, but narrower than this it reads badly
        with_topic = number_width + id_width + topic_width + title_room + status_width + 14 <= width
        table = Table(show_edge=False, header_style="bold")
        table.add_column(msg("ui_col_number", lang), no_wrap=True)
        table.add_column(msg("ui_col_id", lang), no_wrap=True, min_width=id_width)
        if with_topic:
            table.add_column(msg("ui_col_topic", lang), overflow="fold")
        table.add_column(msg("ui_col_title", lang), overflow="fold", ratio=1)
        table.add_column(msg("ui_col_status", lang), no_wrap=True, min_width=status_width)
        for number, exercise in enumerate(exercises, start=1):
            status = self.progress.status(exercise.id)
            topic = [exercise.topic.title.get(lang)] if with_topic else []
            table.add_row(str(number), exercise.id, *topic, exercise.title.get(lang),
                          Text(status_label(status, lang), style=STATUS_STYLE[status]))
        return table


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


def exercise_result(result: ExerciseResult, lang: str, checked_file: str | None = None) -> Group:
    """✓/✗ per case with the explanation and hint of each failure, then a summary.

    `checked_file` is the --file the learner gave, as typed: the next step repeats it.
    """
    parts: list[Any] = []
    problem = result.message.get(lang)
    if problem:  # a problem of the whole file (syntax error, missing names): said once, first
        parts.append(Prose(learner_words(problem), lead=("✗ ", "bold red")))
    shown = {problem}  # each explanation once: ten cases failing alike is one problem
    # Nothing ran: the file's problem is the only message, not one "(same problem as above)" per case.
    whole_file = bool(problem) and not any(c.passed for c in result.cases)
    for case in () if whole_file else result.cases:  # a file that cannot run is one message, not one per case
        mark = Text("✓ ", style="green") if case.passed else Text("✗ ", style="red")
        parts.append(mark + Text(case.name.get(lang)))
        if case.passed:
            continue
        message, hint = case.message.get(lang), case.hint.get(lang)
        repeated = message in shown
        if repeated:
            parts.append(Prose(msg("ui_same_as_above", lang), style="dim", indent=4))
        elif message:
            parts.append(case_explanation(case, lang))
            shown.add(message)
        # a repeated problem's hint is about its own case, not about the problem said above: it would mislead
        if hint and hint not in shown and not repeated:
            parts.append(Prose(hint, indent=4, lead=(msg("ui_hint_lead", lang), "yellow")))
            shown.add(hint)
    output = learner_output(result)
    if output:
        parts.append(Panel(Text(output), title=msg("ui_learner_output", lang), border_style="dim", expand=False))
    parts += [Prose(note.get(lang), style="yellow") for note in result.notes]
    parts.append(Prose(summary_line(result, lang), style="bold green" if result.passed else "bold red"))
    key = "ui_next_step_next" if result.passed else "ui_next_step_failed"
    command = f"learn check {result.exercise}" + (f" --file {checked_file}" if checked_file else "")
    parts.append(Prose(msg(key, lang, file=checked_file or result.file, exercise=result.exercise, command=command),
                       style="dim"))
    return Group(*parts)


#: how Python names what the learner's file lacks, from inside the probe (which loads it as module "submission")
_MISSING_ATTRIBUTE = re.compile(r"module 'submission' has no attribute '(\w+)'")
_INTERNAL_NAME = re.compile(r"\bsubmission\.(?=[A-Za-z_])")


def learner_words(message: str) -> str:
    """A message without the grader's internal module name: the learner knows their file, not "submission"."""
    message = _MISSING_ATTRIBUTE.sub(r"'\1' is not defined in your file", message)
    return _INTERNAL_NAME.sub("", message)


def case_explanation(case: CaseResult, lang: str) -> Group | Prose:
    """A failed case's message in `lang`; differing values are drawn as grids instead of their text form."""
    diff = getattr(case, "diff", None)
    message = case.message.get(lang)
    if not diff:
        return Prose(learner_words(message), indent=4)
    lines = message.splitlines()
    keep = lines[: max(0, len(lines) - int(diff.get("text_lines", 0)))]
    return Group(Prose("\n".join(keep), indent=4), Padding(diff_grids(diff, lang), (0, 0, 0, 4), expand=False))


def diff_grids(diff: dict[str, Any], lang: str) -> Group:
    """Expected and got side by side (stacked when the terminal is too narrow), differing cells highlighted."""
    sides = Columns([_cell_grid(diff, "expected", msg("ui_diff_expected", lang), "bold green"),
                     _cell_grid(diff, "got", msg("ui_diff_got", lang), "bold white on red")], padding=(0, 4))
    if diff.get("whole"):
        return Group(sides)
    window = msg("ui_diff_window", lang, window=_window_slice(diff), shape=tuple(diff["shape"]))
    return Group(sides, Text(window, style="dim"))


def _cell_grid(diff: dict[str, Any], side: str, title: str, highlight: str) -> Table:
    """One side's values under its title, with row and column indices; cells that differ get `highlight`."""
    values, mismatch = diff[side], diff["mismatch"]
    rows = [[_format_cell(v) for v in row] for row in values]
    labelled_rows = len(diff["shape"]) >= 2
    table = Table(title=title, title_style="bold", title_justify="left", box=None, padding=(0, 1),
                  header_style="dim", pad_edge=False, min_width=cell_len(title))
    if labelled_rows:
        table.add_column("", style="dim", justify="right", no_wrap=True)
    for j in range(len(rows[0]) if rows else 0):
        width = max([len(str(diff["col_start"] + j))] + [len(row[j]) for row in rows])
        table.add_column(str(diff["col_start"] + j), justify="right", no_wrap=True, min_width=width)
    for i, row in enumerate(rows):
        cells = [Text(cell, style=highlight if mismatch[i][j] else "") for j, cell in enumerate(row)]
        table.add_row(*([str(diff["row_start"] + i)] if labelled_rows else []), *cells)
    return table


def _format_cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def _window_slice(diff: dict[str, Any]) -> str:
    """The shown window in indexing notation, e.g. "2, 3:8, 0:9"."""
    rows, cols = len(diff["expected"]), len(diff["expected"][0]) if diff["expected"] else 0
    parts = [str(i) for i in diff["prefix"]]
    if len(diff["shape"]) >= 2:
        parts.append(f"{diff['row_start']}:{diff['row_start'] + rows}")
    parts.append(f"{diff['col_start']}:{diff['col_start'] + cols}")
    return ", ".join(parts)


def learner_output(result: ExerciseResult, max_lines: int = 20) -> str:
    """What the learner's code printed, cut to its first lines for the terminal."""
    output = (result.stdout + ("\n" + result.stderr if result.stderr.strip() else "")).strip()
    lines = output.splitlines()
    if len(lines) <= max_lines:
        return output
    return "\n".join([*lines[:max_lines], f"… ({len(lines) - max_lines} more lines)"])


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


def hints(exercise: Exercise, lang: str, shown: int | None = None, newly_revealed: bool = False) -> Group:
    """The first `shown` hints (all when None), the newest highlighted, then how to see more."""
    total = len(exercise.hints)
    if not total:
        return Group(Text(msg("ui_hints_title", lang, exercise=exercise.id), style="bold"),
                     Text(msg("ui_no_hints", lang)))
    count = total if shown is None else max(1, min(shown, total))
    title = msg("ui_hints_title", lang, exercise=exercise.id)
    if shown is not None:
        title += msg("ui_hints_levels", lang, shown=count, total=total)
    lines: list[Text | Prose] = [Text(title, style="bold")]
    for level, hint in enumerate(exercise.hints[:count], start=1):
        newest = newly_revealed and level == count
        lines.append(Prose(f"{level}. {hint.get(lang)}", style="bold yellow" if newest else ""))
    if shown is not None:
        more = count < total
        key = "ui_hints_more" if more else "ui_hints_last"
        lines.append(Prose(msg(key, lang, exercise=exercise.id, next=count + 1, total=total), style="dim"))
    return Group(*lines)


def print_json(console: Console, data: Any) -> None:
    """JSON on stdout, unstyled, so scripts can read it."""
    console.file.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
