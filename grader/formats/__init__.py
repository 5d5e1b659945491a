"""Renderers: each turns grading results into one format, as a pure function.

A renderer takes result objects (`SubmissionReport`, `ClassReport`) and
returns a string or a Rich renderable; it never grades, prints or writes.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from grader.errors import LearnError

if TYPE_CHECKING:  # the command line reads SUBMISSION_FORMATS without loading the grading engine
    from grader.grading import SubmissionReport

#: what `learn grade --format` accepts; `table` is the Rich summary for people
SUBMISSION_FORMATS = ("table", "json", "junit", "gradescope", "github")


def document_renderer(fmt: str) -> Callable[["SubmissionReport"], str]:
    """The function that writes a submission report in `fmt` (any format but `table`)."""
    from grader.formats import document, github, gradescope, junit

    renderers = {"json": document.render, "junit": junit.render, "gradescope": gradescope.render,
                 "github": github.render}
    if fmt not in renderers:
        raise LearnError(f"unknown format {fmt!r}: use one of {', '.join(SUBMISSION_FORMATS)}")
    return renderers[fmt]


def write_output(path: Path, content: str | bytes) -> None:
    """Write a document atomically, with the permissions the user's umask gives a new file.

    The temporary file mkstemp makes is private (0600); the finished document is
    meant to be shared (a grade sheet, a report), so it gets 0666 less the umask,
    as `open()` would give it.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~current_umask())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def current_umask() -> int:
    """The process's umask, read without changing it (other threads may be creating files)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # no /proc: the classic way, which sets it and puts it back
    os.umask(mask)
    return mask
