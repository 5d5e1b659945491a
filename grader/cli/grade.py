"""learn commands: grade (one submission or a whole class) and export (exercises as notebooks)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from grader.cli.app import TEACHING, JsonOption, LangOption, app, console, err_console, friendly_errors
from grader.course.workspace import Workspace
from grader.errors import LearnError
from grader.render.formats import SUBMISSION_FORMATS
from grader.text.i18n import msg, resolve_lang

if TYPE_CHECKING:
    from grader.course.catalog import Exercise
    from grader.usecases.grade import SubmissionReport

SUFFIXES = {"json": ".json", "junit": ".xml", "gradescope": ".json", "github": ".json"}

SubmissionOption = Annotated[Path | None, typer.Option(
    "--submission", help="Grade this folder (laid out like exercises/), a .zip, or one .ipynb; default: exercises/.")]
SubmissionsOption = Annotated[Path | None, typer.Option(
    "--submissions", help="Grade a class: a folder holding one folder, .zip or .ipynb per student.")]
SolutionsOption = Annotated[Path | None, typer.Option(
    "--solutions", help="Take the reference solutions from this folder (e.g. a teacher's private copy).")]
OnlyOption = Annotated[str | None, typer.Option("--only", help="Only these exercises: ID[,ID...].")]
TopicOption = Annotated[str | None, typer.Option("--topic", help="Only the exercises of this topic.")]
JobsOption = Annotated[int, typer.Option(
    "--jobs", "-j", min=1, max=64, help="How many exercises (or students) at once.")]
FormatOption = Annotated[str, typer.Option(
    "--format", help="table (for people), json, junit, gradescope or github (GitHub Classroom).")]
OutputOption = Annotated[Path | None, typer.Option(
    "--output", "-o", help="Write the document to this file; the table summary is printed instead.")]
OutputDirOption = Annotated[Path, typer.Option(
    "--output-dir", help="With --submissions: where grades.csv and one document per student go.")]
ReportOption = Annotated[Path | None, typer.Option(
    "--report", help="With --submissions: also write a self-contained HTML report here.")]
AssignmentOption = Annotated[str | None, typer.Option(
    "--assignment", help="With --submissions: the assignment's name on the report (default: the folder's name).")]
MinScoreOption = Annotated[str | None, typer.Option(
    "--min-score", help="Exit 0 when the score reaches this many points, or this percentage (80%); default: all.")]
TimeoutOption = Annotated[float | None, typer.Option(
    "--timeout", min=1, help="Seconds per probe, instead of each exercise's limit from the catalogue.")]
RequireIsolationOption = Annotated[bool, typer.Option(
    "--require-isolation",
    help="Refuse to grade unless the kernel confines learner code fully (namespaces, no capabilities, seccomp).")]


@app.command(rich_help_panel=TEACHING)
@friendly_errors
def grade(
    submission: SubmissionOption = None,
    submissions: SubmissionsOption = None,
    solutions: SolutionsOption = None,
    only: OnlyOption = None,
    topic: TopicOption = None,
    jobs: JobsOption = 2,
    fmt: FormatOption = "table",
    output: OutputOption = None,
    output_dir: OutputDirOption = Path("grades"),
    report: ReportOption = None,
    min_score: MinScoreOption = None,
    timeout: TimeoutOption = None,
    assignment: AssignmentOption = None,
    lang: LangOption = None,
    as_json: JsonOption = False,
    require_isolation: RequireIsolationOption = False,
) -> None:
    """Grade every exercise of a submission (or a whole class) with points. Exit 0 when --min-score is reached."""
    from grader.usecases.grade import select_exercises

    language = resolve_lang(lang)
    fmt = "json" if as_json else fmt
    if fmt not in SUBMISSION_FORMATS:
        raise LearnError(f"--format {fmt!r}: use one of {', '.join(SUBMISSION_FORMATS)}")
    if submission is not None and submissions is not None:
        raise LearnError("use --submission for one student or --submissions for a class, not both")
    ws = Workspace.discover(solutions=solutions, course_fallback=submission is not None or submissions is not None)
    _confine_learner_code(ws, require_isolation)
    exercises = select_exercises(ws.catalog(), only, topic)
    if submissions is not None:
        if output is not None or min_score is not None:
            raise LearnError("--output and --min-score are for one submission; a class run writes --output-dir")
        name = assignment if assignment is not None else submissions.resolve().name
        _grade_class(submissions, exercises, ws, language, jobs, fmt, output_dir, report, timeout, name)
        return
    if report is not None:
        raise LearnError("--report needs --submissions (it describes a whole class)")
    result = _grade_one(submission or ws.root / "exercises", exercises, ws, language, jobs, timeout)
    raise typer.Exit(_show(result, fmt, output, min_score, language))


def _confine_learner_code(ws: Workspace, required: bool) -> None:
    """Keep the solutions in use out of every probe, and refuse to start without the isolation asked for."""
    from grader import sandbox

    sandbox.protect(ws.solutions)
    missing = sandbox.missing_layers() if required else []
    if missing:
        raise LearnError("--require-isolation: this host does not confine learner code fully ("
                         + "; ".join(missing) + "); see `learn doctor` and the README, \"Limits and isolation\"")


def _grade_one(path: Path, exercises: list[Exercise], ws: Workspace, lang: str, jobs: int,
               timeout: float | None) -> SubmissionReport:
    from grader.engine.engine import LONG_SESSION_PRELOAD, shared_engine
    from grader.usecases.classroom import ClassEntry, open_entry
    from grader.usecases.grade import grade_submission

    if not path.exists():
        raise LearnError(f"--submission {path}: no such file or folder")
    if path.is_file() and path.suffix.lower() not in (".zip", ".ipynb"):
        raise LearnError(f"--submission {path}: expected a folder, a .zip or a .ipynb notebook")
    engine = shared_engine(LONG_SESSION_PRELOAD)
    engine.start()  # the workers import torch while the submission is being opened
    with tempfile.TemporaryDirectory(prefix="learn-submission-") as scratch:
        name = path.resolve().name if path.is_dir() else path.stem
        opened = open_entry(ClassEntry(name, path), Path(scratch), exercises)
        return grade_submission(opened, exercises, ws.solutions, lang=lang, engine=engine, jobs=jobs,
                                timeout=timeout)


def _show(result: SubmissionReport, fmt: str, output: Path | None, min_score: str | None, lang: str) -> int:
    """Print or write the report; return the exit code that --min-score asks for."""
    from grader.render.formats import document_renderer
    from grader.render.formats.table import submission_summary
    from grader.usecases.grade import min_score_threshold, reaches

    threshold = min_score_threshold(min_score, result.max_score)
    document = None if fmt == "table" else document_renderer(fmt)(result)
    if document is None or output is not None:
        console.print(submission_summary(result, lang))
    if output is not None:
        text = document if document is not None else _plain_text(result, lang)
        _write(output, text)
        err_console.print(msg("grade_wrote", lang, path=output))
    elif document is not None:
        console.file.write(document)
    if fmt == "github" and os.environ.get("GITHUB_OUTPUT"):
        from grader.render.formats.github import step_output

        with open(os.environ["GITHUB_OUTPUT"], "a", encoding="utf-8") as handle:
            handle.write(step_output(document or ""))
    met = reaches(result, threshold)
    key = "grade_min_score_met" if met else "grade_min_score_missed"
    err_console.print(msg(key, lang, score=result.score, minimum=round(threshold, 2)),
                      style="green" if met else "red")
    return 0 if met else 1


def _grade_class(folder: Path, exercises: list[Exercise], ws: Workspace, lang: str, jobs: int, fmt: str,
                 output_dir: Path, report_path: Path | None, timeout: float | None, assignment: str) -> None:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from grader.engine.engine import LONG_SESSION_PRELOAD, shared_engine
    from grader.render.formats import document_renderer, html_report, spreadsheet
    from grader.render.formats.table import pass_rates
    from grader.usecases.classroom import class_entries, document_names, grade_class

    entries = class_entries(folder)
    output_dir.mkdir(parents=True, exist_ok=True)
    doc_format = "json" if fmt == "table" else fmt
    render_document = document_renderer(doc_format)
    files = dict(zip((str(e.path) for e in entries), document_names([e.name for e in entries])))
    engine = shared_engine(LONG_SESSION_PRELOAD)
    engine.start()
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err_console, transient=True) as progress:
        task = progress.add_task(msg("class_progress", lang, count=len(entries)), total=len(entries) * len(exercises))

        def save(student: SubmissionReport) -> None:
            # Written as soon as the student is done: an interrupted class run keeps what it graded.
            name = files[student.path]
            _write(output_dir / f"{name}{SUFFIXES[doc_format]}", render_document(student))

        result = grade_class(entries, exercises, ws.solutions, lang=lang, engine=engine, jobs=jobs, timeout=timeout,
                             on_result=lambda _name, _graded: progress.advance(task), on_report=save,
                             assignment=assignment)
    csv_path = output_dir / "grades.csv"
    _write(csv_path, spreadsheet.render(result))
    console.print(pass_rates(result, lang))
    console.print(msg("class_wrote", lang, csv=csv_path, count=len(result.reports), folder=output_dir))
    if report_path is not None:
        # Links from the report to each student's document, relative so the folder can be moved or zipped.
        here = report_path.resolve().parent
        links = {path: Path(os.path.relpath(output_dir.resolve() / f"{name}{SUFFIXES[doc_format]}", here)).as_posix()
                 for path, name in files.items()}
        _write(report_path, html_report.render(result, lang, links))
        console.print(msg("grade_wrote", lang, path=report_path))


def _plain_text(result: SubmissionReport, lang: str) -> str:
    import io

    from rich.console import Console

    from grader.render.formats.table import submission_summary

    buffer = io.StringIO()
    Console(file=buffer, width=100, color_system=None).print(submission_summary(result, lang))
    return buffer.getvalue()


def _write(path: Path, text: str) -> None:
    from grader.render.formats import write_output

    try:
        write_output(path, text)  # with the user's umask: grade sheets and reports are meant to be shared
    except OSError as exc:
        raise LearnError(f"cannot write {path}: {exc.strerror}") from None


@app.command(rich_help_panel=TEACHING)
@friendly_errors
def export(
    folder: Annotated[Path, typer.Argument(help="Where the notebooks go.")] = Path("notebooks"),
    notebook: Annotated[bool, typer.Option("--notebook", help="Write one Jupyter notebook per exercise.")] = False,
    only: OnlyOption = None,
    topic: TopicOption = None,
    lang: LangOption = None,
) -> None:
    """Export exercises: `--notebook` writes one .ipynb per exercise (statement and starter cell)."""
    from grader.course.notebooks import exercise_notebook, write_notebook
    from grader.usecases.grade import select_exercises

    language = resolve_lang(lang)
    if not notebook:
        raise LearnError("say what to export: `learn export --notebook [DIR]`")
    ws = Workspace.discover()
    for exercise in select_exercises(ws.catalog(), only, topic):
        target = folder / f"{exercise.id}.ipynb"
        if target.exists():  # it may hold the learner's work: never overwrite it
            err_console.print(msg("export_kept", language, path=target))
            continue
        starter = ws.exercise_path(exercise)
        try:
            source = starter.read_text(encoding="utf-8")
        except OSError as exc:
            raise LearnError(f"{starter}: cannot be read ({exc.strerror})") from None
        from_root = os.path.relpath(target.resolve(), ws.root)  # the notebook's own check command, run from the root
        write_notebook(exercise_notebook(exercise, source, language, file=from_root), target)
        console.print(msg("export_wrote", language, path=target))
