"""Jupyter notebooks in and out: code cells become a gradable module, exercises become notebooks.

A learner's notebook is graded by turning its code cells into an ordinary
Python file that the probe imports like any submission. Cells tagged
`learn:<id>` belong to that exercise; a notebook without such tags counts as
one piece of code for whatever exercise it is graded against. IPython's own
input transformation (the one Jupyter runs) turns magics (`%matplotlib
inline`, `t = %timeit -o f()`) and shell escapes (`pkgs = !pip list`) into
calls on `get_ipython()`, which here is a stand-in that does nothing: each
such line is kept as a no-op with a note. A `%%time`-like cell magic keeps
its Python body; any other cell magic (`%%bash`) leaves its cell out.
Errors name the cell and the line inside it.
"""

from __future__ import annotations

import ast
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import nbformat

from grader.course.catalog import Exercise
from grader.course.statement import statement_from_docstring
from grader.errors import LearnError
from grader.results import ExerciseResult
from grader.text.i18n import T, msg, text

TAG_PREFIX = "learn:"
NOTEBOOK_VERSION = 4
MAX_NOTEBOOK_BYTES = 20 * 1024 * 1024
#: cell magics whose body is Python that Jupyter runs (timed, captured, profiled): the body is kept
PYTHON_CELL_MAGICS = frozenset({"time", "timeit", "capture", "prun"})
#: what IPython's calls become outside Jupyter: every magic and shell escape does nothing, returns None
IPYTHON_STAND_IN = (
    "class _NotebookIPython:  # magics and shell escapes do nothing when a notebook is graded\n"
    "    def __getattr__(self, name):\n"
    "        return lambda *args, **kwargs: None\n"
    "def get_ipython():\n"
    "    return _NotebookIPython()\n"
)


@dataclass(frozen=True)
class ExtractedCode:
    """The Python code taken from a notebook, what was changed in it, and where each line came from."""

    source: str
    notes: tuple[T, ...]  #: how the cells were read, in both languages
    cells: int  #: how many code cells were used
    #: line of `source` (1-based) -> (cell number, line inside that cell)
    origin: dict[int, tuple[int, int]] = field(default_factory=dict)


def exercise_tag(exercise_id: str) -> str:
    """The cell tag that marks code belonging to an exercise."""
    return f"{TAG_PREFIX}{exercise_id}"


def read_notebook(path: Path) -> nbformat.NotebookNode:
    """Read a notebook as nbformat 4; anything unreadable is a LearnError naming the file."""
    try:
        if path.stat().st_size > MAX_NOTEBOOK_BYTES:
            raise LearnError(T(f"{path}: notebook larger than {MAX_NOTEBOOK_BYTES // (1024 * 1024)} MiB",
                               f"{path}：笔记本超过 {MAX_NOTEBOOK_BYTES // (1024 * 1024)} MiB"))
        return nbformat.read(str(path), as_version=NOTEBOOK_VERSION)
    except LearnError:
        raise
    except OSError as exc:
        raise LearnError(text("err_cannot_read", path=path, reason=exc.strerror)) from None
    except Exception as exc:  # nbformat raises JSON, validation and version errors of several kinds
        raise LearnError(T(f"{path}: not a Jupyter notebook ({type(exc).__name__}: {exc})",
                           f"{path}：不是 Jupyter 笔记本（{type(exc).__name__}: {exc}）")) from None


def cell_tags(cell: nbformat.NotebookNode) -> list[str]:
    """The tags of a cell (a malformed tags field counts as none)."""
    tags = cell.get("metadata", {}).get("tags", [])
    return [t for t in tags if isinstance(t, str)] if isinstance(tags, list) else []


def has_learn_tags(notebook: nbformat.NotebookNode) -> bool:
    """Whether any code cell is tagged for an exercise."""
    return any(t.startswith(TAG_PREFIX) for _, cell in _code_cells(notebook) for t in cell_tags(cell))


def extract_code(notebook: nbformat.NotebookNode, exercise_id: str) -> ExtractedCode:
    """The exercise's code: its tagged cells when the notebook has tags, otherwise every code cell (notes bilingual)."""
    code_cells = _code_cells(notebook)
    if has_learn_tags(notebook):
        wanted = exercise_tag(exercise_id)
        chosen = [(n, c) for n, c in code_cells if wanted in cell_tags(c)]
        notes = [] if chosen else [text("nb_no_tagged_cells", tag=wanted)]
    else:
        chosen, notes = code_cells, []
    parts: list[str] = []
    origin: dict[int, tuple[int, int]] = {}
    line = 1
    for number, cell in chosen:
        source, changed = to_python(str(cell.get("source", "")))
        notes += [text("nb_skipped_line", cell=number, line=skipped) for skipped in changed]
        parts.append(f"# --- notebook cell {number} ---")
        line += 1
        for inside, _ in enumerate(source.splitlines() or [""], start=1):
            origin[line] = (number, inside)
            line += 1
        parts.append(source.rstrip("\n") if source.strip() else "pass")
        parts.append("")
        line += 1
    body = "\n".join(parts)
    if "get_ipython()" in body:
        body = IPYTHON_STAND_IN + body
        shift = IPYTHON_STAND_IN.count("\n")
        origin = {where + shift: cell_line for where, cell_line in origin.items()}
    return ExtractedCode(body, tuple(notes), len(chosen), origin)


def to_python(source: str) -> tuple[str, list[str]]:
    """A cell as plain Python, line for line, and the IPython lines that became no-ops.

    IPython's TransformerManager does what Jupyter does before running a cell;
    a cell magic whose body is Python keeps the body under a `pass` line.
    """
    lines = source.splitlines()
    first = lines[0].strip() if lines else ""
    if first.startswith("%%"):
        name = first[2:].split(maxsplit=1)[0] if first[2:].strip() else ""
        if name in PYTHON_CELL_MAGICS:
            body, changed = to_python("\n".join(lines[1:]))
            return "pass  # " + first + "\n" + body, [first, *changed]
        return "\n".join(["pass"] + [f"# {line}" for line in lines[1:]]), [first]
    transformed = transform_cell(source)
    new_lines = transformed.splitlines()
    if len(new_lines) != len(lines):
        return _line_by_line(lines)
    changed = [old.strip() for old, new in zip(lines, new_lines, strict=True) if old != new]
    return transformed, changed


def transform_cell(source: str) -> str:
    """IPython's own transformation of a cell to Python (what Jupyter runs)."""
    from IPython.core.inputtransformer2 import TransformerManager

    try:
        return TransformerManager().transform_cell(source if source.endswith("\n") else source + "\n")
    except Exception:  # IPython gives up on some broken input: the compiler will then say where it is wrong
        return source


def _line_by_line(lines: list[str]) -> tuple[str, list[str]]:
    """When IPython joined lines (a `\\` continuation of a magic), transform each line alone to keep numbers."""
    out, changed = [], []
    for line in lines:
        new = transform_cell(line).rstrip("\n") if line.strip() else line
        if "\n" in new:
            new = line  # still more than one line: leave it to the compiler
        if new != line:
            changed.append(line.strip())
        out.append(new)
    return "\n".join(out), changed


def strip_ipython(source: str) -> tuple[str, list[str]]:
    """A cell's Python and the IPython lines in it (kept for callers of the former name)."""
    return to_python(source)


_LINE_EN = re.compile(r"\bline (\d+)")
_LINE_ZH = re.compile(r"第 (\d+) 行")


def in_cells(text: str, origin: dict[int, tuple[int, int]]) -> str:
    """Rewrite "line N" (or "第 N 行") of the module written from a notebook as the cell and the line inside it."""
    if not origin or not text:
        return text

    def english(match: re.Match[str]) -> str:
        where = origin.get(int(match.group(1)))
        return f"line {where[1]} of cell {where[0]}" if where else match.group(0)

    def chinese(match: re.Match[str]) -> str:
        where = origin.get(int(match.group(1)))
        return f"第 {where[0]} 个单元格的第 {where[1]} 行" if where else match.group(0)

    return _LINE_ZH.sub(chinese, _LINE_EN.sub(english, text))


def _in_cells_both(message: T, origin: dict[int, tuple[int, int]]) -> T:
    return T(in_cells(message.en, origin), in_cells(message.zh, origin))


def relocate(result: ExerciseResult, origin: dict[int, tuple[int, int]]) -> ExerciseResult:
    """An ExerciseResult whose messages point at notebook cells instead of the written module's lines."""
    cases = tuple(replace(case, message=_in_cells_both(case.message, origin)) for case in result.cases)
    return replace(result, message=_in_cells_both(result.message, origin),
                   stderr=in_cells(result.stderr, origin), cases=cases)


@dataclass(frozen=True)
class NotebookModule:
    """An exercise's code from a notebook, written as a module that is graded like any answer file."""

    notebook: Path
    path: Path  #: the module written
    notes: tuple[T, ...]  #: how the cells were read (cells left out, magics turned into no-ops...)
    #: line of the module -> (cell number, line inside that cell)
    origin: dict[int, tuple[int, int]] = field(default_factory=dict)

    def in_notebook(self, result: ExerciseResult) -> ExerciseResult:
        """The module's result told in the notebook's terms: cells for lines, the notebook as the file, the notes."""
        return replace(relocate(result, self.origin), file=str(self.notebook), notes=result.notes + self.notes)


def write_module(notebook_path: Path, exercise_id: str, folder: Path) -> NotebookModule:
    """Write the exercise's code from a notebook to `folder/<id>.py`."""
    extracted = extract_code(read_notebook(notebook_path), exercise_id)
    target = folder / f"{exercise_id}.py"
    header = f"# Code cells of {notebook_path.name} for {exercise_id}.\n"
    target.write_text(header + extracted.source, encoding="utf-8")
    origin = {line + 1: where for line, where in extracted.origin.items()}  # the header line comes first
    return NotebookModule(notebook_path, target, extracted.notes, origin)


def grade_notebook(notebook_path: Path, exercise_id: str, grade: Callable[[Path], ExerciseResult]) -> ExerciseResult:
    """Grade an exercise from a notebook's code cells: `grade` gets the module written from them, in a scratch folder.

    A notebook that cannot be read raises LearnError naming it.
    """
    with tempfile.TemporaryDirectory(prefix="learn-notebook-") as scratch:
        module = write_module(notebook_path, exercise_id, Path(scratch))
        result = grade(module.path)
    return module.in_notebook(result)


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
    if not (isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
            and isinstance(first.value.value, str)):
        return "", source
    code = "\n".join(source.splitlines()[first.end_lineno :]).strip("\n") + "\n"
    return first.value.value, code


def statement_in(docstring: str, lang: str) -> str:
    """The statement of a starter's docstring in `lang`, read the same way `learn show` reads it."""
    return statement_from_docstring(docstring).body.get(lang)


def exercise_notebook(exercise: Exercise, starter_source: str, lang: str,
                      file: str | None = None) -> nbformat.NotebookNode:
    """One exercise as a notebook: the statement as markdown, the starter as a tagged code cell.

    `file` is where the notebook is written, as typed from the workspace's root (its own check command uses it).
    """
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
        nbformat.v4.new_markdown_cell(msg("nb_check_instructions", lang, exercise=exercise.id,
                                                   file=file or f"{exercise.id}.ipynb")),
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
