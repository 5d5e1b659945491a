"""learn commands for self-study: next, show, hint, reset, solution, progress, doctor, init.

Each parses, calls one function of grader.usecases.practice, grader.usecases.reset or grader.usecases.doctor, and
prints a view from grader.render.terminal / grader.render.practice. Only `doctor`
imports torch, and only when it runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from grader.cli.app import (
    PRACTICE,
    SETUP,
    ExerciseArg,
    JsonOption,
    LangOption,
    MaybeExerciseArg,
    app,
    console,
    emit,
    err_console,
    friendly_errors,
)
from grader.course.workspace import Workspace
from grader.render import practice as render_practice
from grader.render import terminal as render
from grader.text.i18n import msg, resolve_lang
from grader.usecases import practice as service
from grader.usecases import reset as resetting


@app.command("next", rich_help_panel=PRACTICE)
@friendly_errors
def next_exercise(lang: LangOption = None, as_json: JsonOption = False) -> None:
    """Show the first exercise you have not passed yet: its statement, its file and how to check it."""
    language = resolve_lang(lang)
    ws = Workspace.discover()
    view = service.next_view(ws)
    total = len(ws.catalog().exercises)
    if as_json:
        render.print_json(console, {"done": True} if view is None else render_practice.exercise_json(view, language))
    elif view is None:
        emit(render_practice.all_done(total, language))
    else:
        emit(render_practice.exercise_view(view, total, language))


@app.command(rich_help_panel=PRACTICE)
@friendly_errors
def show(exercise: MaybeExerciseArg = None, lang: LangOption = None, as_json: JsonOption = False) -> None:
    """Show the statement of an exercise."""
    language = resolve_lang(lang)
    ws = Workspace.discover()
    view = service.exercise_view(ws, exercise)
    if as_json:
        render.print_json(console, render_practice.exercise_json(view, language))
    else:
        emit(render_practice.exercise_view(view, len(ws.catalog().exercises), language))


@app.command(rich_help_panel=PRACTICE)
@friendly_errors
def hint(
    exercise: MaybeExerciseArg = None,
    all_levels: Annotated[bool, typer.Option("--all", help="Show every hint level at once.")] = False,
    lang: LangOption = None,
) -> None:
    """Reveal the hints of an exercise one level at a time (--all for all of them)."""
    language = resolve_lang(lang)
    ws = Workspace.discover()
    exercise_id = exercise or service.current_exercise_id(ws)
    levels = service.reveal_hints(ws, exercise_id, all_levels=all_levels)
    emit(render.hints(levels.exercise, language, shown=levels.shown, newly_revealed=levels.newly_revealed))
    if levels.not_saved is not None:
        err_console.print(levels.not_saved.in_lang(language), style="yellow", soft_wrap=True)


@app.command(rich_help_panel=PRACTICE)
@friendly_errors
def reset(
    exercise: ExerciseArg,
    undo: Annotated[bool, typer.Option("--undo", help="Bring back the version the last reset saved.")] = False,
    lang: LangOption = None,
) -> None:
    """Restore the starter file, after saving your version under .learn/backups/."""
    language = resolve_lang(lang)
    ws = Workspace.discover()
    outcome = resetting.undo_reset(ws, exercise) if undo else resetting.reset_exercise(ws, exercise)
    emit(render_practice.reset_outcome(outcome, language))


@app.command(rich_help_panel=PRACTICE)
@friendly_errors
def solution(
    exercise: ExerciseArg,
    force: Annotated[bool, typer.Option("--force", help="Show it before you have passed (asks first).")] = False,
    lang: LangOption = None,
) -> None:
    """Show the reference solution once you have passed the exercise. Your file is never changed."""
    language = resolve_lang(lang)
    ws = Workspace.discover()
    if force and not service.solution_unlocked(ws, exercise):
        if not typer.confirm(msg("ui_solution_confirm", language, exercise=exercise)):
            hints_left = service.hints_left(ws, exercise)
            key = "ui_solution_kept_closed" if hints_left else "ui_solution_kept_closed_no_hints_left"
            emit(msg(key, language, exercise=exercise))
            raise typer.Exit(1)
    emit(render_practice.solution(service.solution_view(ws, exercise, force=force), language))


@app.command(rich_help_panel=PRACTICE)
@friendly_errors
def progress(lang: LangOption = None, as_json: JsonOption = False) -> None:
    """Show passed / total per topic, your last activity and the next exercise."""
    language = resolve_lang(lang)
    report = service.progress_report(Workspace.discover())
    if as_json:
        render.print_json(console, render_practice.progress_json(report, language))
    else:
        emit(render_practice.progress_report(report, language))


@app.command(rich_help_panel=SETUP)
@friendly_errors
def doctor(lang: LangOption = None, as_json: JsonOption = False) -> None:
    """Check Python, torch, devices and the workspace; every problem comes with its fix. Exit 1 on a problem."""
    from grader.usecases.doctor import diagnose

    language = resolve_lang(lang)
    findings = diagnose()
    if as_json:
        render.print_json(console, render_practice.doctor_json(findings, language))
    else:
        emit(render_practice.doctor_report(findings, language))
    raise typer.Exit(0 if all(f.ok for f in findings) else 1)


@app.command(rich_help_panel=SETUP)
@friendly_errors
def init(
    directory: Annotated[
        Path, typer.Argument(metavar="DIR", help="Where to create the workspace (default: ./learn-pytorch).",
                             show_default=False)
    ] = Path("learn-pytorch"),
    lang: LangOption = None,
) -> None:
    """Create a fresh workspace with every exercise (not the solutions) in DIR."""
    language = resolve_lang(lang)
    emit(render_practice.init_outcome(service.init_workspace(directory), language))
