"""Where things are: the one place that builds paths.

A workspace is a folder with `exercises/info.toml`. The learner's files live
in it; reference solutions come from `solutions/` beside them, or from a
folder given with --solutions (a teacher's private copy).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from grader.catalog import Catalog, Exercise, load_catalog
from grader.errors import LearnError

CATALOG_FILE = Path("exercises") / "info.toml"
def find_course_root(beside: Path | None = None, prefix: str | None = None) -> Path:
    """Where the course (exercises/ and solutions/) ships with the package.

    A source checkout or an editable install has it beside the `grader`
    package; a wheel installs it as data files under <prefix>/share/learn-pytorch.
    """
    beside = beside or Path(__file__).resolve().parent.parent
    if (beside / CATALOG_FILE).is_file():
        return beside
    shared = Path(prefix or sys.prefix) / "share" / "learn-pytorch"
    return shared if (shared / CATALOG_FILE).is_file() else beside


#: the course shipped with the package
COURSE_ROOT = find_course_root()


@dataclass(frozen=True)
class Workspace:
    """A learner's folder and where its reference solutions are."""

    root: Path
    solutions: Path

    @classmethod
    def discover(cls, start: Path | None = None, solutions: Path | None = None) -> "Workspace":
        """The nearest folder at or above `start` holding exercises/info.toml."""
        here = (start or Path.cwd()).resolve()
        for folder in (here, *here.parents):
            if (folder / CATALOG_FILE).is_file():
                return cls(folder, _solutions_for(folder, solutions))
            if (folder / "exercises").is_dir() and folder == here:
                # A learner's folder that lost its catalogue: grading some other tree instead would mislead.
                raise LearnError(f"{folder / CATALOG_FILE} is missing: run `learn init DIR` for a fresh workspace")
        if (COURSE_ROOT / CATALOG_FILE).is_file() and start is None:
            return cls(COURSE_ROOT, _solutions_for(COURSE_ROOT, solutions))
        raise LearnError(
            f"no exercises/info.toml in {here} or its parents: run `learn init DIR` to create a workspace, "
            "or cd into one"
        )

    @property
    def catalog_path(self) -> Path:
        return self.root / CATALOG_FILE

    def catalog(self) -> Catalog:
        return load_catalog(self.catalog_path)

    def exercise_path(self, exercise: Exercise) -> Path:
        return self.root / "exercises" / exercise.relative_path

    def solution_path(self, exercise: Exercise) -> Path:
        return self.solutions / exercise.relative_path

    @property
    def state_dir(self) -> Path:
        return self.root / ".learn"

    @property
    def progress_path(self) -> Path:
        return self.state_dir / "progress.json"


def _solutions_for(root: Path, override: Path | None) -> Path:
    if override is not None:
        if not override.is_dir():
            raise LearnError(f"--solutions {override}: not a folder")
        return override.resolve()
    local = root / "solutions"
    return local if local.is_dir() else COURSE_ROOT / "solutions"
