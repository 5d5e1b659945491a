"""Every statement renders as written, in both languages: code lines whole, nothing lost, nothing added.

The structure is read from the statement text itself, independently of the
renderer: a line is code when it is a doctest line (or a doctest's output),
or indented four or more beyond the nearest less-indented line above it
(the indented-block rule the starters are written with).
"""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from grader.cli.app import app
from grader.course.workspace import Workspace
from grader.render.prose import Prose, StatementText, plain
from grader.usecases.practice import statement_of
from tests.helpers import ROOT

runner = CliRunner()
WORKSPACE = Workspace.discover(ROOT)
EXERCISES = WORKSPACE.catalog().exercises


def code_lines(body: str) -> list[str]:
    """The statement's code lines by the indented-block rule, as written (trailing spaces dropped).

    A line is code when indented four or more beyond where the text of the
    nearest less-indented line starts (for a list item, after its marker).
    """
    found: list[str] = []
    outer: list[tuple[int, int]] = []  #: (indent, text column) of the prose lines above
    in_doctest = False
    for line in body.splitlines():
        if not line.strip():
            in_doctest = False
            continue
        indent = len(line) - len(line.lstrip(" "))
        while outer and outer[-1][0] >= indent:
            outer.pop()
        column = outer[-1][1] if outer else 0
        if line.strip().startswith(">>>"):
            in_doctest = True
        if in_doctest or indent >= column + 4:
            found.append(line.rstrip())
        else:
            marker = re.match(r"\s*(?:\d+[.)]|[-*])\s+", line)
            outer.append((indent, marker.end() if marker else indent))
    return found


def squash(text: str) -> str:
    """The characters that carry meaning: no whitespace, no backticks (shown as styling)."""
    return re.sub(r"[\s`]", "", text)


def in_order(needles: list[str], lines: list[str]) -> bool:
    position = 0
    for needle in needles:
        try:
            position = lines.index(needle, position) + 1
        except ValueError:
            return False
    return True


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("exercise", EXERCISES, ids=[e.id for e in EXERCISES])
def test_statement_renders_as_written(exercise, lang, monkeypatch):
    monkeypatch.chdir(ROOT)
    body = statement_of(WORKSPACE, exercise).body.get(lang)
    assert body.strip(), f"{exercise.id} has no {lang} statement"
    shown = runner.invoke(app, ["show", exercise.id, "--lang", lang])
    assert shown.exit_code == 0, shown.output
    output = shown.output
    assert "▌" not in output and "Traceback" not in output
    # nothing lost, nothing added: the statement's own characters, in order
    assert squash(body) in squash(output)
    # piped: each code line exactly as written, on a line of its own, in order
    lines = [line.strip() for line in output.splitlines()]
    code = [line.strip() for line in code_lines(body)]
    assert in_order(code, lines), [c for c in code if c not in lines]
    # piped output is never padded
    assert all(line == line.rstrip() for line in output.splitlines())


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("exercise", EXERCISES, ids=[e.id for e in EXERCISES])
def test_statement_fits_an_80_column_terminal(exercise, lang):
    body = statement_of(WORKSPACE, exercise).body.get(lang)
    rendered = plain(StatementText(body, indent=2), width=80, terminal=True)
    lines = rendered.splitlines()
    assert all(cell_len(line) <= 80 for line in lines)
    assert squash(body) == squash(rendered)
    # a code line that fits stays one line
    fitting = [c.strip() for c in code_lines(body) if cell_len(c) + 2 <= 80]
    assert in_order(fitting, [line.strip() for line in lines])


def test_the_statements_the_issue_named_keep_their_examples():
    """reduce_and_broadcast's doctest and loss_functions' formulas, checked by their text."""
    views = {e.id: e for e in EXERCISES}
    reduce_ = plain(StatementText(statement_of(WORKSPACE, views["reduce_and_broadcast"]).body.get("en")), 80)
    reduce_lines = [line.strip() for line in reduce_.splitlines()]
    assert in_order([">>> predict_classes(scores)", "tensor([1, 0])", "tensor([[0.2500, 0.7500],",
                     "[0.5000, 0.5000]])"], reduce_lines)
    loss = plain(StatementText(statement_of(WORKSPACE, views["loss_functions"]).body.get("zh")), 80)
    loss_lines = [line.strip() for line in loss.splitlines()]
    assert "mse = 对所有元素求 (pred - target) ** 2 的平均值" in loss_lines
    assert "正确：      (0 + 0) / 2            = 0.0" in loss_lines
    assert "陷阱：" in loss and not any(line.startswith("mse") and "陷阱" in line for line in loss_lines)


@pytest.mark.parametrize("text", [
    "Edit exercises/01_tensors/tensor_create.py and run `learn check tensor_create` again. "
    "Stuck? `learn hint tensor_create`.",
    "数据类型不对：请用 `astype(np.float32)` 把数组转换成 float32，"
    "再用 `torch.from_numpy(array)` 得到张量，然后重新检查这一道练习。",
])
@pytest.mark.parametrize("width", [41, 57, 80])
def test_wrapping_never_breaks_inside_code(text, width):
    rendered = plain(Prose(text, indent=4), width=width, terminal=True)
    lines = rendered.splitlines()
    for span in re.findall(r"`[^`]+`", text):
        assert any(span in line for line in lines), (span, rendered)
    assert all(cell_len(line) <= width for line in lines), rendered
    assert squash(text) == squash(rendered)
