"""Differing tensor values as cells a person can look at: expected and got side by side.

`diff_cells` cuts what to draw out of two same-shape arrays: the whole
tensor when it is small and at most 2-D, otherwise a window of a few rows and
columns around the first differing element. The result is plain JSON data
(numbers, strings for nan/inf/complex, booleans), language-neutral, so the
Rich renderer, JSON output and any other consumer read the same thing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from grader.text.i18n import T

#: tensors with at most this many elements (and at most 2-D) are drawn whole
GRID_MAX_ELEMENTS = 36
#: rows and columns shown on each side of the first difference in a window
WINDOW_ROWS = 2
WINDOW_COLS = 4


@dataclass(frozen=True)
class ValueDiff(T):
    """A values mismatch in words, plus the cells to draw (see `diff_cells`)."""

    diff: dict[str, Any] | None = None


def diff_cells(got: np.ndarray, expected: np.ndarray, bad: np.ndarray, first: tuple[int, ...],
               text_lines: int) -> dict[str, Any]:
    """Expected, got and mismatch grids around `first`, with where they sit in the tensor.

    `text_lines` is how many lines at the end of the message show the same
    values as text: a renderer that draws these cells leaves those lines out.
    """
    whole = expected.size <= GRID_MAX_ELEMENTS and expected.ndim <= 2
    exp2, got2, bad2, prefix, row0, col0 = _window(expected, got, bad, first, whole)
    return {
        "shape": list(expected.shape),
        "index": list(first),
        "whole": whole,
        "prefix": prefix,  #: fixed leading indices of a window into a tensor of more than 2 dimensions
        "row_start": row0,
        "col_start": col0,
        "expected": [[_cell(v) for v in row] for row in exp2],
        "got": [[_cell(v) for v in row] for row in got2],
        "mismatch": [[bool(v) for v in row] for row in bad2],
        "text_lines": text_lines,
    }


def window_text(got: np.ndarray, expected: np.ndarray, first: tuple[int, ...]) -> tuple[str, str]:
    """The values along the last dimension around `first`, expected then got, for a text message."""
    if expected.ndim == 0:
        return str(_cell(expected[()])), str(_cell(got[()]))
    lead, last = first[:-1], first[-1]
    start, stop = max(0, last - WINDOW_COLS), min(expected.shape[-1], last + WINDOW_COLS + 1)
    pick = lambda a: ", ".join(str(_cell(v)) for v in a[lead][start:stop])  # noqa: E731
    more_left, more_right = ("…, " if start else ""), (", …" if stop < expected.shape[-1] else "")
    return f"[{more_left}{pick(expected)}{more_right}]", f"[{more_left}{pick(got)}{more_right}]"


def _window(expected: np.ndarray, got: np.ndarray, bad: np.ndarray, first: tuple[int, ...], whole: bool):
    """2-D views of the three arrays, the fixed leading indices, and the first row and column shown."""
    if expected.ndim == 0:
        return expected.reshape(1, 1), got.reshape(1, 1), bad.reshape(1, 1), [], 0, 0
    if expected.ndim == 1:
        expected, got, bad, first = expected[None], got[None], bad[None], (0, *first)
    prefix = list(first[:-2])
    lead = tuple(prefix)
    exp2, got2, bad2 = expected[lead], got[lead], bad[lead]
    if whole:
        return exp2, got2, bad2, prefix, 0, 0
    row, col = first[-2], first[-1]
    r0, r1 = max(0, row - WINDOW_ROWS), min(exp2.shape[0], row + WINDOW_ROWS + 1)
    c0, c1 = max(0, col - WINDOW_COLS), min(exp2.shape[1], col + WINDOW_COLS + 1)
    return exp2[r0:r1, c0:c1], got2[r0:r1, c0:c1], bad2[r0:r1, c0:c1], prefix, r0, c0


def _cell(value: Any) -> Any:
    """One value as JSON: bools and ints as they are, finite floats rounded, the rest as text."""
    item = value.item() if hasattr(value, "item") else value
    if isinstance(item, (bool, int)):
        return item
    if isinstance(item, float):
        return float(f"{item:.6g}") if math.isfinite(item) else str(item)
    return str(item)
