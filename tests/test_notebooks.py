"""Notebooks: code cells become a gradable module, exercises become valid notebooks (read by nbformat)."""

from __future__ import annotations

import json

import nbformat
import pytest
from typer.testing import CliRunner

from grader.cli.app import app
from grader.course.notebooks import (
    exercise_notebook,
    exercise_tag,
    extract_code,
    read_notebook,
    split_starter,
    statement_in,
    strip_ipython,
)
from grader.errors import LearnError
from tests.helpers import ROOT

runner = CliRunner()
CONV_SOLUTION = (ROOT / "solutions" / "05_convolution" / "conv_output_size.py").read_text(encoding="utf-8")


def notebook(*cells: nbformat.NotebookNode) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.cells = list(cells)
    return nb


def code(source: str, *tags: str) -> nbformat.NotebookNode:
    return nbformat.v4.new_code_cell(source, metadata={"tags": list(tags)} if tags else {})


def test_untagged_notebook_uses_every_code_cell_in_order():
    nb = notebook(code("a = 1"), nbformat.v4.new_markdown_cell("not code"), code("b = a + 1"))
    extracted = extract_code(nb, "conv_output_size")
    namespace: dict = {}
    exec(compile(extracted.source, "nb", "exec"), namespace)
    assert namespace["b"] == 2 and extracted.cells == 2 and extracted.notes == ()


def test_tagged_cells_belong_to_their_exercise():
    nb = notebook(code("x = 'mine'", exercise_tag("conv_output_size")), code("x = 'other'", "learn:pool_output_size"),
                  code("y = 'untagged scratch'"))
    extracted = extract_code(nb, "conv_output_size")
    assert "mine" in extracted.source and "other" not in extracted.source and "scratch" not in extracted.source
    nothing = extract_code(nb, "module_basics")
    assert nothing.cells == 0 and "learn:module_basics" in nothing.notes[0].en


def test_magics_and_shell_escapes_become_no_ops_with_a_note():
    nb = notebook(code("%matplotlib inline\nimport math\nif True:\n    !pip install torch\nvalue = math.pi"),
                  code("%%time\nslow = 1\n"), code("math.sqrt?"), code("%%bash\necho never run"))
    extracted = extract_code(nb, "conv_output_size")
    namespace: dict = {}
    exec(compile(extracted.source, "nb", "exec"), namespace)  # what is left is plain Python
    assert namespace["value"] > 3 and namespace["slow"] == 1  # a %%time cell keeps its body
    assert len(extracted.notes) == 5
    assert "`%matplotlib inline`" in extracted.notes[0].zh and "IPython" in extracted.notes[0].zh
    assert "第 1 个单元格" in extracted.notes[0].zh
    assert "never run" not in extracted.source.replace("# echo never run", "")


@pytest.mark.parametrize("source, names", [
    ("x = (10\n% 3)\ny = (3\n!= 4)\n", {"x": 1, "y": True}),  # continuation lines, not magics
    ("pkgs = !pip list\n", {"pkgs": None}),
    ("t = %timeit -o sum(range(3))\n", {"t": None}),
    ("%%time\nz = 1\nw = z + 1\n", {"z": 1, "w": 2}),
])
def test_ipython_transforms_each_cell_like_jupyter(source, names):
    extracted = extract_code(notebook(code(source)), "conv_output_size")
    namespace: dict = {}
    exec(compile(extracted.source, "nb", "exec"), namespace)
    assert {name: namespace[name] for name in names} == names


def test_strip_ipython_keeps_line_numbers():
    source = "a = 1\n%time b = 2\nc = 3"
    stripped, skipped = strip_ipython(source)
    assert len(stripped.splitlines()) == 3 and stripped.splitlines()[2] == "c = 3"
    assert skipped == ["%time b = 2"]


def test_not_a_notebook_is_a_clear_error(tmp_path):
    bad = tmp_path / "work.ipynb"
    bad.write_text("{ not json", encoding="utf-8")
    with pytest.raises(LearnError, match="not a Jupyter notebook"):
        read_notebook(bad)


def test_statement_in_each_language():
    docstring, starter_code = split_starter((ROOT / "exercises" / "05_convolution" / "conv_output_size.py").read_text())
    english, chinese = statement_in(docstring, "en"), statement_in(docstring, "zh")
    assert "slides a kernel" in english and "卷积核" not in english
    assert "卷积核" in chinese and "slides a kernel" not in chinese
    assert ">>> conv_output_size(5, 3)" in english and ">>> conv_output_size(5, 3)" in chinese
    assert starter_code.lstrip().startswith("def conv_output_size") and '"""' not in starter_code


def test_every_exercise_exports_to_a_valid_notebook(workspace, catalog):
    for exercise in catalog.exercises:
        for lang in ("en", "zh"):
            source = workspace.exercise_path(exercise).read_text(encoding="utf-8")
            nb = exercise_notebook(exercise, source, lang)
            nbformat.validate(nb)
            tagged = [c for c in nb.cells if exercise_tag(exercise.id) in c.metadata.get("tags", [])]
            assert len(tagged) == 1 and tagged[0].cell_type == "code"
            assert tagged[0].source.strip(), exercise.id
            assert exercise.title.get(lang) in nb.cells[0].source


def test_export_writes_valid_notebooks_and_never_overwrites(tmp_workspace):
    result = runner.invoke(app, ["export", "--notebook", "nbs", "--only", "conv_output_size,module_basics",
                                 "--lang", "zh"])
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in (tmp_workspace / "nbs").iterdir())
    assert written == ["conv_output_size.ipynb", "module_basics.ipynb"]
    nb = nbformat.read(str(tmp_workspace / "nbs" / "conv_output_size.ipynb"), as_version=4)
    nbformat.validate(nb)
    assert "卷积核" in nb.cells[1].source
    mine = tmp_workspace / "nbs" / "module_basics.ipynb"
    mine.write_text(mine.read_text().replace("raise NotImplementedError", "return 42"), encoding="utf-8")
    before = mine.read_text()
    again = runner.invoke(app, ["export", "--notebook", "nbs", "--only", "module_basics"])
    assert again.exit_code == 0 and "kept" in again.output
    assert mine.read_text() == before


def test_export_needs_a_format(tmp_workspace):
    result = runner.invoke(app, ["export", "nbs"])
    assert result.exit_code == 2 and "--notebook" in result.output


def test_check_a_notebook(tmp_workspace):
    nb = notebook(code("untagged = 'scratch'"), code("%matplotlib inline\n!echo hi\n" + CONV_SOLUTION,
                                                     exercise_tag("conv_output_size")),
                  code("raise RuntimeError('scratch cell, not graded')", "learn:other"))
    path = tmp_workspace / "work.ipynb"
    nbformat.write(nb, str(path))
    result = runner.invoke(app, ["check", "conv_output_size", "--file", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["passed"] and data["file"] == str(path)
    assert len(data["notes"]) == 2 and "%matplotlib inline" in data["notes"][0]


def test_check_an_exported_starter_notebook_fails(tmp_workspace):
    assert runner.invoke(app, ["export", "--notebook", "nbs", "--only", "conv_output_size"]).exit_code == 0
    result = runner.invoke(app, ["check", "conv_output_size", "--file", "nbs/conv_output_size.ipynb"])
    assert result.exit_code == 1 and "NotImplementedError" in result.output


# ---- notebooks run by a real kernel, then graded ----------------------------------------------------


def executed(path, *cells: nbformat.NotebookNode) -> None:
    """Run the notebook in a real IPython kernel with nbclient, as Jupyter would, and save it."""
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    nb = notebook(*cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbclient.NotebookClient(nb, timeout=300, kernel_name="python3", allow_errors=False).execute()
    nbformat.write(nb, str(path))


def test_a_notebook_that_ran_in_jupyter_passes(tmp_workspace):
    path = tmp_workspace / "ran.ipynb"
    executed(
        path,
        code("import sys\npkgs = !echo torch numpy\nt = %timeit -n 1 -r 1 -o sum(range(3))\n"
             "print(len(pkgs), t.best >= 0)"),
        code("%%time\n" + CONV_SOLUTION, exercise_tag("conv_output_size")),
        code("checked = (conv_output_size(5, 3)\n!= 0)\nremainder = (conv_output_size(5, 3)\n% 2)",
             exercise_tag("conv_output_size")),
    )
    ran = nbformat.read(str(path), as_version=4)
    assert "1 True" in ran.cells[0].outputs[-1]["text"]  # the kernel really ran the magics
    result = runner.invoke(app, ["check", "conv_output_size", "--file", str(path), "--json"])
    assert result.exit_code == 0, result.output
    notes = json.loads(result.output)["notes"]
    assert any("%%time" in note for note in notes)


def test_errors_name_the_cell_and_the_line_inside_it(tmp_workspace):
    path = tmp_workspace / "broken.ipynb"
    executed(path, code("%env LEARN_GREETING=hi\nvalue = 1", exercise_tag("conv_output_size")),
             code("x = 2", exercise_tag("conv_output_size")))
    nb = nbformat.read(str(path), as_version=4)
    nb.cells[1].source = "x = 2\ny = 1 / 0"  # edited after the run, as a learner would
    nbformat.write(nb, str(path))
    result = runner.invoke(app, ["check", "conv_output_size", "--file", str(path), "--json"])
    assert result.exit_code == 1
    assert "line 2 of cell 2" in json.loads(result.output)["message"] + json.loads(result.output)["cases"][0]["message"]
    nb.cells[1].source = "x = (2 +\n"
    nbformat.write(nb, str(path))
    zh = runner.invoke(app, ["check", "conv_output_size", "--file", str(path), "--json", "--lang", "zh"])
    assert "第 2 个单元格的第 1 行" in json.loads(zh.output)["message"]
