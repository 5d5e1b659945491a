"""learn commands: grade (one submission or a whole class) and export (exercises as notebooks)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from grader.cli.app import TEACHING, JsonOption, LangOption, app, console, err_console, friendly_errors
from grader.course.workspace import Workspace
from grader.errors import LearnError
from grader.limits import DEFAULT_JOBS
from grader.text.i18n import T, msg, resolve_lang

if TYPE_CHECKING:
    from grader.usecases.grade_run import ClassOutcome, SubmissionOutcome

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
    jobs: JobsOption = DEFAULT_JOBS,
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
    from grader import settings
    from grader.usecases.grade_run import ClassOutcome, GradeRequest, run_grade

    language = resolve_lang(lang)
    request = GradeRequest(
        submission=submission, submissions=submissions, solutions=solutions, only=only, topic=topic,
        fmt="json" if as_json else fmt, output=output, output_dir=output_dir, report=report, min_score=min_score,
        jobs=jobs, timeout=timeout, assignment=assignment, lang=language, require_isolation=require_isolation,
        github_output=settings.current().github_output,
    )
    outcome = run_grade(request, progress=lambda students, steps: _progress_bar(students, steps, language))
    if isinstance(outcome, ClassOutcome):
        _show_class(outcome, request.output_dir, language)
        return
    _show_submission(outcome, language)
    raise typer.Exit(outcome.exit_code)


def _show_submission(outcome: SubmissionOutcome, lang: str) -> None:
    """The table summary (unless the document is printed instead), the document or where it went, the verdict."""
    from grader.render.formats.table import submission_summary

    if outcome.document is None or outcome.output is not None:
        console.print(submission_summary(outcome.report, lang))
    if outcome.output is not None:
        err_console.print(msg("grade_wrote", lang, path=outcome.output))
    elif outcome.document is not None:
        console.file.write(outcome.document)
    key = "grade_min_score_met" if outcome.met else "grade_min_score_missed"
    err_console.print(msg(key, lang, score=outcome.report.score, minimum=round(outcome.threshold, 2)),
                      style="green" if outcome.met else "red")


@contextmanager
def _progress_bar(students: int, steps: int, lang: str) -> Iterator[Callable[[], None]]:
    """A bar on stderr while a class is graded, gone once it is done."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err_console, transient=True) as progress:
        task = progress.add_task(msg("class_progress", lang, count=students), total=steps)
        yield lambda: progress.advance(task)


def _show_class(outcome: ClassOutcome, output_dir: Path, lang: str) -> None:
    from grader.render.formats.table import pass_rates

    console.print(pass_rates(outcome.report, lang))
    console.print(msg("class_wrote", lang, csv=outcome.grades, count=len(outcome.report.reports), folder=output_dir))
    if outcome.html_report is not None:
        console.print(msg("grade_wrote", lang, path=outcome.html_report))


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
    from grader.usecases.export import export_notebooks

    language = resolve_lang(lang)
    if not notebook:
        raise LearnError(T("say what to export: `learn export --notebook [DIR]`",
                           "请说明要导出什么：`learn export --notebook [目录]`"))
    for exported in export_notebooks(Workspace.discover(), folder, language, only, topic):
        if exported.written:
            console.print(msg("export_wrote", language, path=exported.path))
        else:
            err_console.print(msg("export_kept", language, path=exported.path))
