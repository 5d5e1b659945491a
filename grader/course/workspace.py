"""Where things are: the one place that builds paths.

A workspace is a folder with `exercises/info.toml`. The learner's files live
in it; reference solutions come from `solutions/` beside them, or from a
folder given with --solutions (a teacher's private copy).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from grader import PACKAGE_DIR
from grader.course.catalog import Catalog, Exercise, load_catalog
from grader.errors import LearnError
from grader.text.i18n import T, text

CATALOG_FILE = Path("exercises") / "info.toml"


def find_course_root(beside: Path | None = None, prefix: str | None = None) -> Path:
    """Where the course (exercises/ and solutions/) ships with the package.

    A source checkout or an editable install has it beside the `grader`
    package; a wheel installs it as data files under <prefix>/share/learn-pytorch.
    """
    beside = beside or PACKAGE_DIR.parent
    if (beside / CATALOG_FILE).is_file():
        return beside
    shared = Path(prefix or sys.prefix) / "share" / "learn-pytorch"
    return shared if (shared / CATALOG_FILE).is_file() else beside


#: the course shipped with the package
COURSE_ROOT = find_course_root()


def find_workspace_root(folder: Path) -> Path | None:
    """The nearest folder at or above `folder` holding exercises/info.toml, or None."""
    folder = folder.resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / CATALOG_FILE).is_file():
            return candidate
    return None


@dataclass(frozen=True)
class Workspace:
    """A learner's folder and where its reference solutions are."""

    root: Path
    solutions: Path

    @classmethod
    def discover(
        cls, start: Path | None = None, solutions: Path | None = None, *, course_fallback: bool = False
    ) -> Workspace:
        """The nearest folder at or above `start` holding exercises/info.toml.

        A learner's workspace is one `learn init` made or a checkout they are in.
        Anywhere else is an error: grading the installed course instead would
        write the learner's progress into the installation. Only a teacher's
        `learn grade --submission(s)` may fall back to the installed course
        (`course_fallback`), since there the course is just the answer key.
        """
        here = (start or Path.cwd()).resolve()
        if (here / "exercises").is_dir() and not (here / CATALOG_FILE).is_file():
            # A learner's folder that lost its catalogue: grading some other tree instead would mislead.
            raise LearnError(text("err_catalog_missing", path=here / CATALOG_FILE))
        root = find_workspace_root(here)
        if root is not None:
            return cls(root, _solutions_for(root, solutions))
        if course_fallback and (COURSE_ROOT / CATALOG_FILE).is_file():
            return cls(COURSE_ROOT, _solutions_for(COURSE_ROOT, solutions))
        raise LearnError(text("err_no_workspace", here=here))

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
            raise LearnError(T(f"--solutions {override}: not a folder", f"--solutions {override}：不是文件夹"))
        return override.resolve()
    local = root / "solutions"
    return local if local.is_dir() else COURSE_ROOT / "solutions"
