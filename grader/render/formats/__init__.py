"""Renderers: each turns grading results into one format, as a pure function.

A renderer takes result objects (`SubmissionReport`, `ClassReport`) and
returns a string or a Rich renderable; it never grades, prints or writes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from grader.course.atomic import write_atomic
from grader.errors import LearnError
from grader.text.bilingual import T

if TYPE_CHECKING:
    from grader.results import SubmissionReport

#: what `learn grade --format` accepts; `table` is the Rich summary for people
SUBMISSION_FORMATS = ("table", "json", "junit", "gradescope", "github")


def document_renderer(fmt: str) -> Callable[[SubmissionReport], str]:
    """The function that writes a submission report in `fmt` (any format but `table`)."""
    from grader.render.formats import document, github, gradescope, junit

    renderers = {"json": document.render, "junit": junit.render, "gradescope": gradescope.render,
                 "github": github.render}
    if fmt not in renderers:
        raise LearnError(T(f"unknown format {fmt!r}: use one of {', '.join(SUBMISSION_FORMATS)}",
                           f"未知的格式 {fmt!r}：可选的格式有 {'、'.join(SUBMISSION_FORMATS)}"))
    return renderers[fmt]


def write_output(path: Path, content: str | bytes) -> None:
    """Write a document (a grade sheet, a report) atomically, with the permissions the user's umask gives."""
    write_atomic(path, content)
