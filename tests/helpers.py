"""Plain helpers and constants shared by the test modules (fixtures live in conftest.py)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = Path(__file__).resolve().parent / "mutants"


def failure_text(result) -> str:
    """Every explanation of a result, in one string, for `in` assertions."""
    return "\n".join([result.message] + [f"{c.message}\n{c.hint}" for c in result.cases if not c.passed])
