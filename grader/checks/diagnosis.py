"""Small helpers for `diagnose=` functions that more than one check can use.

They run in the judge, on decoded values (plain Python, `TensorRecord`s), so
they never need torch.
"""

from __future__ import annotations

import math

from grader.text.i18n import T
from grader.wire import TensorRecord


def number(value):
    """A plain float from a 0-d TensorRecord or a float; None otherwise."""
    if isinstance(value, TensorRecord) and value.values is not None and value.values.size == 1:
        return float(value.values.reshape(()))
    if type(value) is float:
        return value
    return None


def loss_of(record):
    """The loss in a case's answer: the answer itself, or its "loss" entry."""
    return number(record.get("loss")) if isinstance(record, dict) else number(record)


def close(a, b) -> bool:
    return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-4, abs_tol=1e-6)


def summed(count: int):
    """Name the sum-instead-of-mean mistake: the loss is `count` times too large."""

    def diagnose(got, expected):
        mine, wanted = loss_of(got), loss_of(expected)
        if wanted and close(mine, wanted * count):
            return T(f"Your loss is exactly {count} times too large: you summed the {count} terms. "
                     "The loss is their mean: use .mean(), not .sum().",
                     f"你的损失正好大了 {count} 倍：你把 {count} 项加了起来。损失是它们的平均值："
                     "请用 .mean()，不要用 .sum()。")
        return None

    return diagnose


def first_of(*diagnoses):
    """The first of several diagnoses that recognises the mistake."""

    def diagnose(got, expected):
        for candidate in diagnoses:
            found = candidate(got, expected)
            if found:
                return found
        return None

    return diagnose
