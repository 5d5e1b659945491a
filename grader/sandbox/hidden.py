"""What no learner probe may read: answers (solutions, alternatives, git history) and the reference cache."""

from __future__ import annotations

import contextlib
import os
import sys
import sysconfig
from pathlib import Path

from grader import settings
from grader.sandbox.paths import GRADER_DIR, inside, readable_roots

_PROTECTED: set[str] = set()


def protect(path: str | os.PathLike[str]) -> None:
    """Keep a folder (a teacher's --solutions) out of every learner probe started after this call."""
    _PROTECTED.add(os.path.realpath(path))


def hidden_paths() -> list[str]:
    """Folders a learner worker covers: answers (solutions, alternatives, git history), the reference cache.

    In a source checkout that is everything beside the `grader` package; in
    an installed course, its share folder; then --solutions folders and the
    reference cache. Landlock closes them too on hosts without namespaces,
    since none lies below a folder a probe may read.
    """
    course = Path(GRADER_DIR).parent
    found: set[str] = set(_PROTECTED)
    if (course / "exercises" / "info.toml").is_file() or (course / "solutions").is_dir():
        libraries = readable_roots()  # a virtual environment inside the checkout stays readable
        found.update(str(entry) for entry in course.iterdir() if entry.is_dir() and entry.name != "grader"
                     and not any(inside(lib, str(entry)) for lib in libraries))
    for prefix in {sys.prefix, sys.base_prefix, sysconfig.get_paths().get("data", sys.prefix)}:
        found.add(os.path.join(prefix, "share", "learn-pytorch"))
    with contextlib.suppress(Exception):  # no home folder to put a cache in: then there is none
        cache = settings.current().cache_dir
        if cache is not None:
            found.add(str(cache))
    return sorted(os.path.realpath(p) for p in found if os.path.isdir(p))
