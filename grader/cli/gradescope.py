"""learn gradescope build: the autograder zip a teacher uploads to Gradescope."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from grader.cli.app import TEACHING, LangOption, app, console, friendly_errors
from grader.cli.grade import JobsOption, OnlyOption, SolutionsOption, TimeoutOption, TopicOption
from grader.limits import DEFAULT_JOBS
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
    jobs: JobsOption = DEFAULT_JOBS,
    timeout: TimeoutOption = None,
    lang: LangOption = None,
) -> None:
    """Build autograder.zip: setup.sh, run_autograder, learn, the course and its solutions."""
    from grader.results import points_text
    from grader.usecases.export import AutograderRequest, build_autograder

    language = resolve_lang(lang)
    outcome = build_autograder(AutograderRequest(output, solutions=solutions, only=only, topic=topic, jobs=jobs,
                                                 timeout=timeout, lang=language))
    points = points_text(outcome.points)
    console.print(f"Wrote {outcome.output}: {len(outcome.exercises)} exercises ({points} points), "
                  f"{len(outcome.names)} files. "
                  "Upload it as the assignment's autograder (Gradescope: Configure Autograder, Zip file upload).")
