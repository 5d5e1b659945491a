"""The exceptions every layer may raise or catch: a problem the user can fix, a run stopped on request."""

from __future__ import annotations

from typing import Any


class LearnError(Exception):
    """A usage or environment problem: the CLI prints it on one line and exits 2.

    `message` is a plain English string or a `grader.text.i18n.T` pair; the CLI
    prints the learner's language when there is one.
    """

    exit_code = 2

    def __init__(self, message: Any) -> None:
        english = getattr(message, "en", message)
        super().__init__(english)
        self.message: str = english
        self.chinese: str | None = getattr(message, "zh", None)

    def in_lang(self, lang: str) -> str:
        """The message in `lang`, or English when it has no translation."""
        return self.chinese if lang == "zh" and self.chinese else self.message


class Cancelled(Exception):
    """A probe run was stopped on request (a newer save, a key press, Ctrl-C) before it finished."""
