"""learn: PyTorch exercises graded by a judge that understands tensors."""

from pathlib import Path

__version__ = "0.1.0"

#: the `grader` package folder: what the probes may read, what the reference cache fingerprints
PACKAGE_DIR = Path(__file__).resolve().parent


def bootstrap(statement: str) -> str:
    """`python -I -c` code that imports `grader` from where it lives (a source checkout too), then runs `statement`."""
    return f"import sys; sys.path.insert(0, {str(PACKAGE_DIR.parent)!r}); {statement}"
