"""The one exception the core raises for problems the user can fix."""

from __future__ import annotations


class LearnError(Exception):
    """A usage or environment problem: the CLI prints it on one line and exits 2."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
