"""Installed versions, read from package metadata (never by importing torch)."""

from __future__ import annotations

import platform

NOT_INSTALLED = "not installed"


def installed(package: str) -> str:
    """The installed version of a distribution, or NOT_INSTALLED."""
    from importlib import metadata  # here, not at the top: `learn list` and `--help` never need it

    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return NOT_INSTALLED


def learn_version() -> str:
    return installed("learn-pytorch")


def grading_versions() -> dict[str, str]:
    """The versions a grade depends on, as grade documents record them."""
    return {
        "learn": learn_version(),
        "python": platform.python_version(),
        "torch": installed("torch"),
        "numpy": installed("numpy"),
        "platform": platform.platform(terse=True),
    }
