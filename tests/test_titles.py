"""One title per exercise: the catalogue's (exercises/info.toml) is the source, and every starter's
first docstring line says exactly it, "English / 中文", so `learn list` and `learn show` agree."""

from __future__ import annotations

import ast

import pytest

from grader.course.catalog import load_catalog
from tests.helpers import ROOT

CATALOG = load_catalog(ROOT / "exercises" / "info.toml")


@pytest.mark.parametrize("exercise", CATALOG.exercises, ids=lambda e: e.id)
def test_the_starter_carries_the_catalogue_title(exercise):
    starter = ROOT / "exercises" / exercise.relative_path
    docstring = ast.get_docstring(ast.parse(starter.read_text(encoding="utf-8"))) or ""
    first_line = docstring.splitlines()[0] if docstring else ""
    assert first_line == f"{exercise.title.en} / {exercise.title.zh}", (
        f"{starter.name}: the title comes from exercises/info.toml; write it on the docstring's first line")
