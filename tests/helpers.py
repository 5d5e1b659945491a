"""Plain helpers and constants shared by the test modules (fixtures live in conftest.py)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = Path(__file__).resolve().parent / "mutants"


def failure_text(result, lang: str = "en") -> str:
    """Every explanation of a result in `lang`, in one string, for `in` assertions."""
    return "\n".join([result.message.get(lang)]
                     + [f"{c.message.get(lang)}\n{c.hint.get(lang)}" for c in result.cases if not c.passed])
