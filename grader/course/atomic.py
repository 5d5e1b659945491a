"""Writing a file in one step: readers see the old file or the new one, never half of it.

Every file learn writes for a person (progress, restored starters, grade
sheets, reports, the reference cache) goes through `write_atomic`, so an
interrupted or failed write never leaves a broken file, and the finished file
gets the permissions `open()` would have given it (0666 less the umask), not
the private 0600 of the temporary file it was written to.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, content: str | bytes) -> None:
    """Replace `path` with `content` (text is written as UTF-8), making its folder if needed."""
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
        Path(tmp).unlink(missing_ok=True)
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
