"""learn: PyTorch exercises graded by a judge that understands tensors."""

from pathlib import Path

__version__ = "0.1.0"

#: the `grader` package folder: what the probes may read, what the reference cache fingerprints
PACKAGE_DIR = Path(__file__).resolve().parent
