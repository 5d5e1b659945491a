"""Result objects: what grading produced, independent of how it is shown.

Renderers (Rich, JSON, JUnit, Gradescope...) are pure functions of these.
Learner-facing text is held in both languages (`grader.text.bilingual.T`); a
renderer or format picks the language it was asked for with `.get(lang)`.
`to_dict(lang)` is the project's JSON contract; bump RESULT_VERSION when it changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from fractions import Fraction
from typing import TYPE_CHECKING, Any, ClassVar

from grader.text.bilingual import T

if TYPE_CHECKING:  # plain data; only the annotations name it
    from grader.course.catalog import Exercise

RESULT_VERSION = 1
#: the grade document's version (grader.render.formats.document): bumped when a key changes meaning or disappears
DOCUMENT_VERSION = 1

# Outcomes of an exercise as a whole.
PASSED = "passed"
FAILED = "failed"  # ran, but some case is wrong
ERROR = "error"  # the learner's file could not be graded (syntax error, timeout, crash...)
INFRA = "infra"  # the grader or the reference failed: not the learner's fault

# Who may see a case's details (Gradescope's names): always, never, after the due date, after grades are out.
VISIBLE, HIDDEN, AFTER_DUE_DATE, AFTER_PUBLISHED = "visible", "hidden", "after_due_date", "after_published"
VISIBILITIES = (VISIBLE, HIDDEN, AFTER_DUE_DATE, AFTER_PUBLISHED)

#: points are kept as whole hundredths: sums are exact, and every format shows the same numbers
CENTS = 100
#: case weights come from the catalogue as small decimals and ratios (10 points over 11 cases)
_MAX_DENOMINATOR = 1_000_000


def exact(value: float | int | Fraction) -> Fraction:
    """A weight as an exact fraction: the float 10/11 the judge computes becomes 10/11 again."""
    if isinstance(value, Fraction):
        return value
    cents = round(value * CENTS)
    if abs(value * CENTS - cents) < 1e-6:  # already whole hundredths (settled points): the common, quick case
        return Fraction(cents, CENTS)
    return Fraction(value).limit_denominator(_MAX_DENOMINATOR)


def _is_cents(value: float) -> bool:
    return abs(value * CENTS - round(value * CENTS)) < 1e-6


def round_half_up(value: Fraction) -> int:
    """The one rounding rule: to the nearest whole number, halves away from zero."""
    whole = int(abs(value) + Fraction(1, 2))
    return whole if value >= 0 else -whole


def apportion(weights: list[Fraction], total: int) -> list[int]:
    """Whole numbers, one per weight, that add up to `total` (largest remainder, ties to the first).

    10 points over 3 cases become 3.34 + 3.33 + 3.33, over 11 cases ten 0.91 and one 0.90.
    """
    whole = sum(weights, Fraction(0))
    if not weights or whole <= 0:
        return [0] * len(weights)
    quotas = [w * total / whole for w in weights]
    shares = [int(q) for q in quotas]  # floor: the weights are never negative
    order = sorted(range(len(quotas)), key=lambda i: (-(quotas[i] - shares[i]), i))
    for i in order[: total - sum(shares)]:
        shares[i] += 1
    return shares


#: no text, in either language
NO_TEXT = T("", "")


def bilingual(value: T | str | dict[str, str]) -> T:
    """`value` as a `T`: a plain str (language-neutral text, or a test's) is the same in both languages;
    a {"en": ..., "zh": ...} object is what `to_dict()` writes without a language."""
    if isinstance(value, T):
        return value
    if isinstance(value, dict):
        return T(str(value.get("en", "")), str(value.get("zh", value.get("en", ""))))
    return T(value, value)


def _in(value: T, lang: str | None) -> str | dict[str, str]:
    """A text as `to_dict` writes it: one language's string, or both languages as an object when `lang` is None."""
    return {"en": value.en, "zh": value.zh} if lang is None else value.get(lang)


def _set_bilingual(obj: Any, *names: str) -> None:
    """Turn the named fields of a frozen dataclass into `T` (a plain str is taken as the same text in both)."""
    for name in names:
        value = getattr(obj, name)
        if not isinstance(value, T):
            object.__setattr__(obj, name, bilingual(value))


def points_text(value: float | int) -> str:
    """Points as people read them: at most two decimals, no trailing zeros (9.09, 10, 3.5)."""
    return f"{value:.2f}".rstrip("0").rstrip(".") if value == value else "0"


@dataclass(frozen=True)
class CaseResult:
    """The verdict on one case.

    `name`, `message` and `hint` hold both languages (`T`); a plain `str` given to
    them is accepted and kept as the same text in both languages.
    """

    name: T
    passed: bool
    points: float
    max_points: float
    message: T = NO_TEXT  #: why it failed (or, when it passed, a note on how it was checked)
    hint: T = NO_TEXT  #: what to try next
    seconds: float = 0.0
    #: the differing values as cells to draw (expected/got/mismatch grids), see grader.judge.compare.diff_cells
    diff: dict[str, Any] | None = None
    #: who may see this case's details, one of VISIBILITIES
    visibility: str = VISIBLE

    def __post_init__(self) -> None:
        _set_bilingual(self, "name", "message", "hint")

    @property
    def points_cents(self) -> int:
        return _cents(self.points)

    @property
    def max_cents(self) -> int:
        return _cents(self.max_points)

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """The case as plain data: texts in `lang`, or in both languages ({"en": ..., "zh": ...}) when None."""
        data = asdict(self)
        data.update(name=_in(self.name, lang), message=_in(self.message, lang), hint=_in(self.hint, lang))
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CaseResult:
        """The case `to_dict` wrote (JSON-decoded, texts in one language or both): unknown keys are ignored."""
        return cls(**{name: data[name] for name in cls.__dataclass_fields__ if name in data})


def _cents(value: float) -> int:
    """Points as whole hundredths (settled points are, so the quick path is the usual one)."""
    return round(value * CENTS) if _is_cents(value) else round_half_up(exact(value) * CENTS)


@dataclass(frozen=True)
class _Totals:
    """An exercise's points in hundredths, worked out once (reports read them many times)."""

    score: int
    possible: int


def settle_points(cases: Iterable[CaseResult]) -> tuple[CaseResult, ...]:
    """The cases with their points in whole hundredths that add up exactly to the exercise's.

    The exercise's maximum is rounded once to hundredths and shared among the
    cases by their weights; a case earns its share times the part it passed.
    Already settled cases come back unchanged.
    """
    cases = tuple(cases)
    if all(_is_cents(case.points) and _is_cents(case.max_points) and 0 <= case.points <= case.max_points
           for case in cases):
        return cases  # settled already (a result rebuilt by replace()): nothing to share out again
    weights = [max(exact(case.max_points), Fraction(0)) for case in cases]
    shares = apportion(weights, round_half_up(sum(weights, Fraction(0)) * CENTS))
    settled = []
    for case, weight, share in zip(cases, weights, shares, strict=True):  # one weight and one share per case
        part = min(max(exact(case.points) / weight, Fraction(0)), Fraction(1)) if weight else Fraction(case.passed)
        earned = round_half_up(part * share)
        settled.append(replace(case, points=earned / CENTS, max_points=share / CENTS))
    return tuple(settled)


class _Points:
    """Points as people read them, from the exact hundredths a result or report keeps."""

    @property
    def score_cents(self) -> int:
        raise NotImplementedError  # each result or report sums its own

    @property
    def max_cents(self) -> int:
        raise NotImplementedError

    @property
    def score(self) -> float:
        return self.score_cents / CENTS

    @property
    def max_score(self) -> float:
        return self.max_cents / CENTS


@dataclass(frozen=True)
class ExerciseResult(_Points):
    """The verdict on one exercise: every case, plus what the learner's code printed.

    `message`, `hints` and `notes` hold both languages (`T`); plain `str`s given to
    them are accepted and kept as the same text in both languages.
    """

    exercise: str
    status: str
    cases: tuple[CaseResult, ...]
    message: T = NO_TEXT  #: a problem that concerns the whole file (it did not import, timed out...)
    stdout: str = ""
    stderr: str = ""
    seconds: float = 0.0
    file: str = ""
    hints: tuple[T, ...] = field(default=())
    #: remarks on how the file was read (notebook cells left out...), not failures
    notes: tuple[T, ...] = field(default=())
    #: no answer was found for this exercise in the submission (status ERROR)
    missing: bool = False
    #: the points worked out once, per instance, in __post_init__ (ClassVar keeps it out of the fields)
    _totals: ClassVar[_Totals]

    def __post_init__(self) -> None:
        _set_bilingual(self, "message")
        object.__setattr__(self, "hints", tuple(bilingual(h) for h in self.hints))
        object.__setattr__(self, "notes", tuple(bilingual(n) for n in self.notes))
        # Every result, whoever builds it, carries points in whole hundredths (see settle_points).
        object.__setattr__(self, "cases", settle_points(self.cases))
        totals = _Totals(sum(c.points_cents for c in self.cases), sum(c.max_cents for c in self.cases))
        object.__setattr__(self, "_totals", totals)  # not a field: to_dict and replace() never see it

    @property
    def passed(self) -> bool:
        return self.status == PASSED

    @property
    def score_cents(self) -> int:
        return self._totals.score

    @property
    def max_cents(self) -> int:
        return self._totals.possible

    @property
    def passed_count(self) -> int:
        return sum(case.passed for case in self.cases)

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """The result as plain data, texts in `lang` (the JSON contract: `learn check --json`, grade documents).

        Without a language every text is both languages as {"en": ..., "zh": ...}: what travels to
        another process (the daemon's answer), for `from_dict` to rebuild whole.
        """
        data = asdict(self)
        data.update(
            version=RESULT_VERSION,
            passed=self.passed,
            score=self.score,
            max_score=self.max_score,
            cases=[case.to_dict(lang) for case in self.cases],
            message=_in(self.message, lang),
            hints=[_in(hint, lang) for hint in self.hints],
            notes=[_in(note, lang) for note in self.notes],
        )
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ExerciseResult:
        """The result `to_dict` wrote (JSON-decoded, texts in one language or both); derived keys (score,
        passed...) are computed again."""
        values = {name: data[name] for name in cls.__dataclass_fields__ if name in data}
        values["cases"] = tuple(CaseResult.from_dict(case) for case in data.get("cases", ()))
        values["hints"] = tuple(data.get("hints", ()))
        values["notes"] = tuple(data.get("notes", ()))
        return cls(**values)


def with_visibility(result: ExerciseResult, visibilities: list[str]) -> ExerciseResult:
    """The result with each case's visibility (in suite order); a non-visible case's failure tells no values.

    A hidden check keeps its name and hint (written for learners) but loses the
    judge's explanation and the differing cells, which may show expected values.
    """
    from grader.text.i18n import text

    cases = []
    for case, visibility in zip(result.cases, visibilities, strict=False):  # cases beyond the list keep theirs
        visibility = visibility if visibility in VISIBILITIES else HIDDEN
        if visibility != VISIBLE and not case.passed:
            case = replace(case, message=text("case_hidden_failed"), diff=None)
        cases.append(replace(case, visibility=visibility))
    return replace(result, cases=tuple(cases) + result.cases[len(cases):])


# ---- reports: a submission, a class ----------------------------------------------------


@dataclass(frozen=True)
class Graded:
    """One exercise of the catalogue and the verdict on the submission's answer to it."""

    exercise: Exercise
    result: ExerciseResult


@dataclass(frozen=True)
class SubmissionReport(_Points):
    """Everything graded for one submission, ready for any renderer."""

    name: str  #: the student (or folder) the submission belongs to
    path: str
    graded: tuple[Graded, ...]
    lang: str = "en"
    seconds: float = 0.0
    graded_at: str = ""
    versions: dict[str, str] = field(default_factory=dict)
    #: how learner code was confined while this submission was graded (grader.sandbox.describe)
    isolation: dict[str, str] = field(default_factory=dict)
    #: a problem with the submission as a whole (a broken zip...), in both languages (a plain str: the same in both)
    note: T = NO_TEXT

    def __post_init__(self) -> None:
        _set_bilingual(self, "note")

    @property
    def score_cents(self) -> int:
        return sum(g.result.score_cents for g in self.graded)

    @property
    def max_cents(self) -> int:
        return sum(g.result.max_cents for g in self.graded)

    @property
    def percent(self) -> float:
        return 100.0 * self.score_cents / self.max_cents if self.max_cents else 0.0

    @property
    def passed_count(self) -> int:
        return sum(g.result.passed for g in self.graded)

    @property
    def all_passed(self) -> bool:
        return all(g.result.passed for g in self.graded)

    def result_for(self, exercise_id: str) -> ExerciseResult | None:
        return next((g.result for g in self.graded if g.exercise.id == exercise_id), None)


def case_shares(result: ExerciseResult) -> list[tuple[float, float]]:
    """(earned, possible) per case; they add up exactly to the exercise's score (see settle_points)."""
    return [(case.points, case.max_points) for case in result.cases]


@dataclass(frozen=True)
class PassRate:
    """How the class did on one exercise."""

    exercise: Exercise
    passed: int
    graded: int
    mean_percent: float

    @property
    def rate(self) -> float:
        return 100.0 * self.passed / self.graded if self.graded else 0.0


@dataclass(frozen=True)
class ClassReport:
    """Every student's report, in the order of their names."""

    exercises: tuple[Exercise, ...]
    reports: tuple[SubmissionReport, ...]
    seconds: float
    jobs: int
    assignment: str = ""  #: what the class was graded on (the submissions folder's name by default)
    graded_at: str = ""  #: when the class run started, ISO 8601 in UTC

    @property
    def seconds_per_submission(self) -> float:
        return self.seconds / len(self.reports) if self.reports else 0.0

    def pass_rates(self) -> list[PassRate]:
        """Per exercise: how many students passed it and their mean score."""
        rates = []
        for exercise in self.exercises:
            found = [r.result_for(exercise.id) for r in self.reports]
            results = [r for r in found if r is not None]
            mean = sum(100.0 * r.score / r.max_score for r in results if r.max_score) / len(results) if results else 0.0
            rates.append(PassRate(exercise, sum(r.passed for r in results), len(results), mean))
        return rates


#: an answer's state on the class report, from worst to best
MISSING, BROKEN, WRONG, PARTIAL, FULL = "missing", "error", "wrong", "partial", "passed"
STATES = (MISSING, BROKEN, WRONG, PARTIAL, FULL)


def answer_state(result: ExerciseResult) -> str:
    """missing (no file), error (could not be graded), wrong (no point), partial, or passed."""
    if result.passed:
        return FULL
    if result.status in (ERROR, INFRA):
        return MISSING if result.missing else BROKEN
    return PARTIAL if result.score_cents > 0 else WRONG
