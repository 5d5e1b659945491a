"""What a check module declares and the judge reads: a Suite of Cases.

This module is the contract between the check modules (which build a suite),
the probe (which runs each case's function) and the judge (which reads names,
tolerances, rules and diagnoses); it imports no torch and no judge code.

A check module (grader/checks/<exercise id>.py) builds one `Suite` and
registers its cases with the `@suite.case(...)` decorator. A case function
receives the submitted module (the learner's or the reference solution),
builds seeded inputs, calls the public names and returns what should be
compared: a number, a tensor, a tuple, or a dict naming each part.

The function runs twice, in two separate probe processes: once with the
learner's module and once with the reference. The judge then compares the two
returned values. Exceptions are results too: if the reference raises
ValueError, the learner must raise it as well.

Cases run inside the probe; everything else here (names, hints, tolerances,
`diagnose`) is read by the judge, which never imports torch. Use
`torch = lazy("torch")` at the top of a check module, never `import torch`.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from grader.text.i18n import T

# A diagnose function sees the learner's and the reference's decoded values
# (plain Python, `TensorRecord`s, `ErrorRecord`s) and names the mistake, or
# returns None when it does not recognise it.
Diagnose = Callable[[Any, Any], "T | None"]

# A judge rule replaces equality for a case whose correct answers legitimately
# differ (random initialisation, a trained model, a shuffled order). It runs in
# the judge, on decoded values: `rule(got, expected)` gets the learner's raw
# evidence and the reference's, and returns None when the learner's answer is
# acceptable or the explanation of what is wrong. Everything the rule needs to
# know (bounds, labels, sizes) must come from `expected`, never from `got`:
# whatever the learner's probe sends may be forged.
JudgeRule = Callable[[Any, Any], "T | None"]


@dataclass(frozen=True)
class Restriction:
    """Names that the functions `inside` (every function when empty) may not use, and why.

    The judge finds them in the submission's source (grader.judge.restrictions)."""

    names: tuple[str, ...]
    why: T
    inside: tuple[str, ...] = ()


@dataclass(frozen=True)
class Case:
    """One graded question: a name, how to produce the value, how to compare it."""

    name: T
    run: Callable[[Any], Any]
    index: int
    points: float = 1.0
    atol: float = 1e-5
    rtol: float = 1e-4
    hint: T | None = None
    diagnose: Diagnose | None = None
    #: compare these dict keys only (None: all of them)
    keys: tuple[str, ...] | None = None
    #: decide in the judge with this rule instead of comparing for equality
    rule: JudgeRule | None = None
    #: who sees this case's details: "visible", or "hidden" (a failure says only what the learner may know)
    visibility: str = "visible"

    @property
    def seed(self) -> int:
        """A stable per-case seed, so both probes build the same inputs."""
        return zlib.crc32(self.name.en.encode()) & 0x7FFFFFFF


@dataclass
class Suite:
    """All cases of one exercise, in the order they are graded."""

    exercise: str
    #: the public names the learner's module must define
    names: tuple[str, ...] = ()
    #: modules the probe imports before the learner's file (e.g. torchvision)
    needs: tuple[str, ...] = ("torch",)
    cases: list[Case] = field(default_factory=list)
    #: library APIs the submission may not use, found in its source by the judge (grader.judge.restrictions)
    restrictions: list[Restriction] = field(default_factory=list)

    def forbid(self, names: list[str] | tuple[str, ...], why: T, *, inside: tuple[str, ...] = ()) -> None:
        """Fail a submission whose source uses one of `names` (full dotted paths, resolved through its
        imports and aliases), in the functions `inside` or anywhere; `why` says what to do instead."""
        self.restrictions.append(Restriction(tuple(names), why, tuple(inside)))

    def case(
        self,
        en: str,
        zh: str,
        *,
        points: float = 1.0,
        atol: float = 1e-5,
        rtol: float = 1e-4,
        hint: T | None = None,
        diagnose: Diagnose | None = None,
        keys: tuple[str, ...] | None = None,
        rule: JudgeRule | None = None,
        visibility: str = "visible",
    ) -> Callable[[Callable[[Any], Any]], Callable[[Any], Any]]:
        """Register the decorated function as the next case of this suite."""

        def register(run: Callable[[Any], Any]) -> Callable[[Any], Any]:
            self.cases.append(
                Case(T(en, zh), run, len(self.cases), points, atol, rtol, hint, diagnose, keys, rule, visibility)
            )
            return run

        return register

    @property
    def max_points(self) -> float:
        return sum(case.points for case in self.cases)


class Accepted(T):
    """What a judge rule returns to accept an answer with a note the learner sees
    (a check that could not apply to their correct code, and why)."""


class Instead(T):
    """What a diagnose returns when its mistake is verified on the data and the generic difference's
    advice would mislead (".long()" for values that are not classes at all): shown instead of it."""
