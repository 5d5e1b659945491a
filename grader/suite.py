"""The vocabulary of a check module: a Suite of Cases.

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
from dataclasses import dataclass, field
from typing import Any, Callable

from grader.i18n import T
from grader.lazy import lazy

torch = lazy("torch")

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


# ---- helpers for diagnoses (they run in the judge) ---------------------------


def sweep_diagnosis(
    sweep: list[Any], describe: Callable[[Any], str], name_mistake: Callable[[Any, Any], "T | None"]
) -> Diagnose:
    """A diagnose for a case that returns one answer per entry of `sweep`.

    It names the first entry whose answer differs (`describe(params)`, e.g.
    "size=5, kernel_size=3") and, when `name_mistake(answer, params)` recognises
    the wrong answer, the mistake behind it.
    """

    def diagnose(got: Any, expected: Any) -> T | None:
        if not isinstance(got, list) or not isinstance(expected, list) or len(got) != len(expected):
            return None
        for params, mine, theirs in zip(sweep, got, expected):
            if mine != theirs:
                first = T(f"First wrong: {describe(params)}.", f"第一个出错的是：{describe(params)}。")
                named = name_mistake(mine, params)
                return T(f"{first.en} {named.en}", f"{first.zh}{named.zh}") if named else first
        return None

    return diagnose


# ---- helpers for case functions (they run in the probe) --------------------




def parameter_summary(model: Any) -> dict[str, Any]:
    """What a model registered: parameter names with shapes, and their count."""
    params = list(model.named_parameters())
    return {
        "names": [name for name, _ in params],
        "shapes": [list(p.shape) for _, p in params],
        "count": sum(p.numel() for _, p in params),
    }


def output_after_one_sgd_step(model: Any, x: Any, target: Any, lr: float = 0.5) -> Any:
    """The model's output on `x` after one SGD step on the mean squared error: shows that every
    parameter is registered and reached by gradients."""
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    optimizer.zero_grad()
    ((model(x) - target) ** 2).mean().backward()
    optimizer.step()
    with torch.no_grad():
        return model(x)




def load_reference_weights(model: Any, seed: int) -> None:
    """Fill every parameter from a seeded generator, in registration order.

    Both probes build the model independently; seeding the weights by order
    makes a correct learner model identical to the reference one.
    """
    generator = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for param in model.parameters():
            param.copy_(torch.randn(param.shape, generator=generator) * 0.1)
