"""learn gradescope build: the autograder zip a teacher uploads to Gradescope."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from grader.cli.app import TEACHING, LangOption, app, console, friendly_errors
from grader.cli.grade import JobsOption, OnlyOption, SolutionsOption, TimeoutOption, TopicOption
from grader.course.workspace import Workspace
from grader.errors import LearnError
from grader.text.i18n import resolve_lang

gradescope_app = typer.Typer(help="Gradescope: build the autograder zip.", no_args_is_help=True)
app.add_typer(gradescope_app, name="gradescope", rich_help_panel=TEACHING)


@gradescope_app.command("build")
@friendly_errors
def build(
    solutions: SolutionsOption = None,
    only: OnlyOption = None,
    topic: TopicOption = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="Where the zip goes.")] = Path("autograder.zip"),
    jobs: JobsOption = 2,
    timeout: TimeoutOption = None,
    lang: LangOption = None,
) -> None:
    """Build autograder.zip: setup.sh, run_autograder, learn, the course and its solutions."""
    from grader.render.formats.autograder import AutograderPlan
    from grader.render.formats.autograder import build as build_zip
    from grader.results import points_text
    from grader.usecases.grade import select_exercises

    language = resolve_lang(lang)
    if output.suffix.lower() != ".zip":
        raise LearnError(f"--output {output}: the autograder must be a .zip file")
    ws = Workspace.discover(solutions=solutions, course_fallback=True)
    exercises = tuple(select_exercises(ws.catalog(), only, topic))
    plan = AutograderPlan(ws.root, ws.solutions, exercises, lang=language, jobs=jobs, timeout=timeout)
    names = build_zip(plan, output)
    points = points_text(sum(e.points for e in exercises))
    console.print(f"Wrote {output}: {len(exercises)} exercises ({points} points), {len(names)} files. "
                  "Upload it as the assignment's autograder (Gradescope: Configure Autograder, Zip file upload).")
