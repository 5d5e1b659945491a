"""Generated classes for `learn grade --submissions`: solved, untouched, half-done and broken submissions.

Used by the class-grading tests, and to measure grading speed:

    python -m tests.classgen /tmp/class 300
    learn grade --submissions /tmp/class --jobs 2 --output-dir /tmp/grades
"""

from __future__ import annotations

import shutil
import sys
import zipfile
from pathlib import Path

import nbformat

from grader.course.catalog import Exercise, load_catalog
from grader.course.notebooks import exercise_tag

ROOT = Path(__file__).resolve().parent.parent
SOLUTIONS = ROOT / "solutions"
STARTERS = ROOT / "exercises"

SYNTAX_ERROR = "def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1)\n    return size\n"
#: kills the worker that forked it, then leaves before reporting anything
HOSTILE = (
    "import os, signal\n"
    "print('{\"score\": 100}')\n"
    "os.kill(os.getppid(), signal.SIGKILL)\n"
    "os._exit(0)\n"
)


def copy_tree(source: Path, target: Path, exercises: list[Exercise]) -> None:
    """Copy the exercises' files from `source` (solutions/ or exercises/) into a submission folder."""
    for exercise in exercises:
        destination = target / exercise.relative_path
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / exercise.relative_path, destination)


def zip_folder(folder: Path, archive: Path, prefix: str = "") -> None:
    """Zip a submission folder, optionally under a wrapper folder as GitHub's download does."""
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                out.write(path, prefix + path.relative_to(folder).as_posix())


def notebook_submission(path: Path, exercises: list[Exercise], source: Path = SOLUTIONS) -> None:
    """One notebook holding every exercise, each in a cell tagged learn:<id> that starts with a magic."""
    notebook = nbformat.v4.new_notebook()
    for exercise in exercises:
        code = "%matplotlib inline\n" + (source / exercise.relative_path).read_text(encoding="utf-8")
        notebook.cells.append(nbformat.v4.new_markdown_cell(f"## {exercise.id}"))
        notebook.cells.append(nbformat.v4.new_code_cell(code, metadata={"tags": [exercise_tag(exercise.id)]}))
    nbformat.write(notebook, str(path))


def generate(target: Path, students: int, exercises: list[Exercise]) -> dict[str, str]:
    """A class of `students`: mostly solved or untouched, some half done, zipped, notebooks or broken.

    Returns what kind each student's submission is, by name.
    """
    kinds = {}
    target.mkdir(parents=True, exist_ok=True)
    for number in range(students):
        name = f"student{number:03d}"
        kind = ("solved", "starter", "solved", "half", "zip", "solved", "notebook", "starter", "broken", "hostile")[
            number % 10
        ]
        folder = target / name
        if kind in ("solved", "zip"):
            copy_tree(SOLUTIONS, folder, exercises)
        elif kind == "starter":
            copy_tree(STARTERS, folder, exercises)
        elif kind == "half":
            copy_tree(SOLUTIONS, folder, exercises[::2])
            copy_tree(STARTERS, folder, exercises[1::2][:-1])  # and the last odd one is missing
        elif kind == "notebook":
            notebook_submission(target / f"{name}.ipynb", exercises)
        elif kind in ("broken", "hostile"):
            copy_tree(SOLUTIONS, folder, exercises)
            bad = folder / exercises[0].relative_path
            bad.write_text(SYNTAX_ERROR if kind == "broken" else HOSTILE, encoding="utf-8")
        if kind == "zip":
            zip_folder(folder, target / f"{name}.zip", prefix=f"{name}-main/")
            shutil.rmtree(folder)
        kinds[name] = kind
    return kinds


def main() -> None:
    target, students = Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 300
    catalog = load_catalog(ROOT / "exercises" / "info.toml")
    kinds = generate(target, students, list(catalog.exercises))
    print(f"{len(kinds)} submissions of {len(catalog.exercises)} exercises in {target}")


if __name__ == "__main__":
    main()
