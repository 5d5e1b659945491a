"""Jupyter notebooks in and out: code cells become a gradable module, exercises become notebooks.

A learner's notebook is graded by turning its code cells into an ordinary
Python file that the probe imports like any submission. Cells tagged
`learn:<id>` belong to that exercise; a notebook without such tags counts as
one piece of code for whatever exercise it is graded against. IPython magics
(`%matplotlib inline`, `%%time`) and shell escapes (`!pip install ...`) are
not Python: they are left out, each with a note, so a notebook that ran in
Jupyter also imports here.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

from grader.catalog import Exercise
from grader.errors import LearnError
from grader.statement import statement_from_docstring
from grader.i18n import msg

TAG_PREFIX = "learn:"
NOTEBOOK_VERSION = 4
MAX_NOTEBOOK_BYTES = 20 * 1024 * 1024
#: a line that IPython rewrites before Python sees it: %magic, %%cell magic, !shell, ?help
_IPYTHON_LINE = re.compile(r"^\s*(%|!|\?)|^\s*[\w.]+\?\??\s*$")


@dataclass(frozen=True)
class ExtractedCode:
    """The Python code taken from a notebook, and what was left out of it."""

    source: str
    notes: tuple[str, ...]
    cells: int  #: how many code cells were used


def exercise_tag(exercise_id: str) -> str:
    """The cell tag that marks code belonging to an exercise."""
    return f"{TAG_PREFIX}{exercise_id}"


def read_notebook(path: Path) -> nbformat.NotebookNode:
    """Read a notebook as nbformat 4; anything unreadable is a LearnError naming the file."""
    try:
        if path.stat().st_size > MAX_NOTEBOOK_BYTES:
            raise LearnError(f"{path}: notebook larger than {MAX_NOTEBOOK_BYTES // (1024 * 1024)} MiB")
        return nbformat.read(str(path), as_version=NOTEBOOK_VERSION)
    except LearnError:
        raise
    except OSError as exc:
        raise LearnError(f"{path}: cannot be read ({exc.strerror})") from None
    except Exception as exc:  # nbformat raises JSON, validation and version errors of several kinds
        raise LearnError(f"{path}: not a Jupyter notebook ({type(exc).__name__}: {exc})") from None


def cell_tags(cell: nbformat.NotebookNode) -> list[str]:
    """The tags of a cell (a malformed tags field counts as none)."""
    tags = cell.get("metadata", {}).get("tags", [])
    return [t for t in tags if isinstance(t, str)] if isinstance(tags, list) else []


def has_learn_tags(notebook: nbformat.NotebookNode) -> bool:
    """Whether any code cell is tagged for an exercise."""
    return any(t.startswith(TAG_PREFIX) for _, cell in _code_cells(notebook) for t in cell_tags(cell))


def extract_code(notebook: nbformat.NotebookNode, exercise_id: str, lang: str = "en") -> ExtractedCode:
    """The exercise's code: its tagged cells when the notebook has tags, otherwise every code cell."""
    code_cells = _code_cells(notebook)
    if has_learn_tags(notebook):
        wanted = exercise_tag(exercise_id)
        chosen = [(n, c) for n, c in code_cells if wanted in cell_tags(c)]
        notes = [] if chosen else [msg("nb_no_tagged_cells", lang, tag=wanted)]
    else:
        chosen, notes = code_cells, []
    parts = []
    for number, cell in chosen:
        source, skipped = strip_ipython(str(cell.get("source", "")))
        notes += [msg("nb_skipped_line", lang, cell=number, line=line) for line in skipped]
        parts.append(f"# --- notebook cell {number} ---\n{source}\n")
    return ExtractedCode("\n".join(parts), tuple(notes), len(chosen))


def strip_ipython(source: str) -> tuple[str, list[str]]:
    """Replace magics and shell escapes with `pass`, keeping indentation and line numbers."""
    lines = source.splitlines()
    if lines and lines[0].lstrip().startswith("%%"):
        # A cell magic (%%time, %%bash...) makes the whole cell something other than Python.
        return "\n".join("pass" if i == 0 else f"# {line}" for i, line in enumerate(lines)), [lines[0].strip()]
    skipped = []
    for index, line in enumerate(lines):
        if _IPYTHON_LINE.match(line):
            skipped.append(line.strip())
            indent = line[: len(line) - len(line.lstrip())]
            lines[index] = f"{indent}pass  # skipped: {line.strip()}"
    return "\n".join(lines), skipped


def write_module(notebook_path: Path, exercise_id: str, folder: Path, lang: str = "en") -> tuple[Path, tuple[str, ...]]:
    """Write the exercise's code from a notebook to `folder/<id>.py`; return the file and the notes."""
    extracted = extract_code(read_notebook(notebook_path), exercise_id, lang)
    target = folder / f"{exercise_id}.py"
    header = f"# Code cells of {notebook_path.name} for {exercise_id}.\n"
    target.write_text(header + extracted.source, encoding="utf-8")
    return target, extracted.notes


def _code_cells(notebook: nbformat.NotebookNode) -> list[tuple[int, nbformat.NotebookNode]]:
    """Code cells with their 1-based position among all cells, as Jupyter shows them."""
    return [(n, c) for n, c in enumerate(notebook.get("cells", []), start=1) if c.get("cell_type") == "code"]


# ---- exercises as notebooks ---------------------------------------------------


def split_starter(source: str) -> tuple[str, str]:
    """A starter file's module docstring and the code after it."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return "", source
    first = tree.body[0] if tree.body else None
    is_docstring = isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
    if not (is_docstring and isinstance(first.value.value, str)):
        return "", source
    code = "\n".join(source.splitlines()[first.end_lineno :]).strip("\n") + "\n"
    return first.value.value, code


def statement_in(docstring: str, lang: str) -> str:
    """The statement of a starter's docstring in `lang`, read the same way `learn show` reads it."""
    return statement_from_docstring(docstring).body.get(lang)


def exercise_notebook(exercise: Exercise, starter_source: str, lang: str) -> nbformat.NotebookNode:
    """One exercise as a notebook: the statement as markdown, the starter as a tagged code cell."""
    docstring, code = split_starter(starter_source)
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.metadata["language_info"] = {"name": "python"}
    notebook.metadata["learn"] = {"exercise": exercise.id, "lang": lang}
    title = f"# {exercise.title.get(lang)} (`{exercise.id}`)"
    notebook.cells = [
        nbformat.v4.new_markdown_cell(title),
        nbformat.v4.new_markdown_cell(_as_markdown(statement_in(docstring, lang))),
        nbformat.v4.new_code_cell(code, metadata={"tags": [exercise_tag(exercise.id)]}),
        nbformat.v4.new_markdown_cell(msg("nb_check_instructions", lang, exercise=exercise.id)),
    ]
    nbformat.validate(notebook)
    return notebook


def write_notebook(notebook: nbformat.NotebookNode, path: Path) -> None:
    """Write a notebook file (validated by nbformat on the way out)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, str(path))


def _as_markdown(statement: str) -> str:
    """Docstring text as markdown: doctest examples become a code block."""
    lines, out, in_code = statement.splitlines(), [], False
    for line in lines:
        is_code = line.startswith("    ") and (line.strip().startswith(">>>") or in_code) and line.strip()
        if is_code and not in_code:
            out.append("```python")
        if in_code and not is_code:
            out.append("```")
        in_code = bool(is_code)
        out.append(line[4:] if is_code else line)
    if in_code:
        out.append("```")
    return "\n".join(out)
