"""Helpers for check modules: meta-device runs, parameter summaries, judge rules and sweep diagnoses.

Case functions run in the probe; the rules and diagnoses built here run in the
judge on decoded values. Import them from `grader.checks`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from grader.checks.lazy import lazy
from grader.suite import Accepted, Diagnose, JudgeRule
from grader.text.i18n import SENTENCES, T

torch = lazy("torch")

#: what a check that builds an optimizer or touches the meta device needs in its worker: torch._dynamo
#: loads on the first optimizer or meta-device operation (1-3 s), so the worker imports it before forking
#: and that cost stays out of the timed cases
TORCH_AND_DYNAMO = ("torch", "torch._dynamo")


#: errors that only the meta device raises: it holds no values, so library code that reads them fails
META_ONLY_ERRORS = (
    # Tensor.item() and friends: reading a value is fine on every real device. Not "Cannot copy out of
    # meta tensor": that is also what .cpu() says, and moving a result to the CPU is a device mistake.
    "cannot be called on meta tensors",
)
META_SKIPPED = "the meta device could not run it"


def on_meta(call: Callable[[], Any]) -> Any:
    """`call()`'s result, or, when it fails only because meta tensors hold no values (torchvision's
    Normalize checks `std` for zeros), that error as evidence for `meta_or_skipped`.

    Every other error propagates with the learner's line: it is a real failure.
    """
    try:
        return {"result": call()}
    except (RuntimeError, NotImplementedError) as exc:
        if not any(part in str(exc) for part in META_ONLY_ERRORS):
            raise
        return {META_SKIPPED: f"{type(exc).__name__}: {exc}"[:300]}


def meta_or_skipped(got: Any, expected: Any) -> T | None:
    """A judge rule for a case run through `on_meta`: compare the results, or accept, with a note,
    an answer whose library code cannot run on meta (that is no device mistake: it runs on a GPU)."""
    from grader.judge.compare import first_difference

    reason = got.get(META_SKIPPED) if type(got) is dict and len(got) == 1 else None
    if type(reason) is str and any(part in reason for part in META_ONLY_ERRORS):
        return Accepted(
            f"Device check skipped: a library function you call reads tensor values, which the meta device does "
            f"not have ({reason[:120]}). Your code is not wrong; only a real GPU can run this check.",
            f"已跳过设备检查：你调用的库函数需要读取张量的值，而 meta 设备上没有值（{reason[:120]}）。"
            f"你的代码没有错；只有真正的 GPU 才能运行这项检查。",
        )
    return first_difference(got, expected, atol=1e-5, rtol=1e-4)


# ---- judge rules (they run in the judge) -----------------------------------------


def facts(derive: Callable[[Any], Any], *, atol: float = 1e-5, rtol: float = 1e-4) -> JudgeRule:
    """A rule that derives the same facts from both runs' raw evidence, in the judge, and compares them.

    The case function returns what it saw (flags, orders, losses, outputs);
    `derive` turns one run's decoded value into a dict of named facts ("eval
    mode during forward": True, ...), and the two dicts are compared as any
    result would be, so a fact the learner's run gets wrong is named in the
    verdict. `derive` sees decoded data (lists, NumPy arrays in
    TensorRecords), never torch.
    """

    def rule(got: Any, expected: Any) -> T | None:
        from grader.judge.compare import first_difference

        return first_difference(derive(got), derive(expected), atol=atol, rtol=rtol)

    return rule


# ---- helpers for diagnoses (they run in the judge) ---------------------------


def sweep_diagnosis(
    sweep: list[Any], describe: Callable[[Any], str], name_mistake: Callable[[Any, Any], T | None]
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
                return SENTENCES.join([first, named]) if named else first
        return None

    return diagnose


#: a known mistake: the formula a learner would have written instead, and what it misses
Mistake = tuple[Callable[..., Any], T]


def only_matching_mistake(mistakes: tuple[Mistake, ...], got: Any, params: tuple[Any, ...]) -> T | None:
    """The one known mistake whose formula gives the learner's (wrong) answer for `params`.

    None when no formula or several do: one number cannot tell two mistakes apart (forgetting the +1
    and multiplying dilation by kernel_size give the same size with dilation 2 and stride 1), and
    naming the wrong one sends the learner after a mistake they did not make.
    """
    if type(got) is not int:
        return None
    matching = [explanation for formula, explanation in mistakes if formula(*params) == got]
    return matching[0] if len(matching) == 1 else None


def verified_sweep_diagnosis(
    sweep: list[Any], describe: Callable[[Any], str], mistakes: tuple[Mistake, ...]
) -> Diagnose:
    """Like `sweep_diagnosis`, but a mistake is named only when its formula, and no other, reproduces
    EVERY answer of the learner over the whole sweep: its premise verified on all the data."""

    def diagnose(got: Any, expected: Any) -> T | None:
        if not isinstance(got, list) or not isinstance(expected, list) or len(got) != len(expected):
            return None
        wrong = next((i for i, (mine, theirs) in enumerate(zip(got, expected)) if mine != theirs), None)
        if wrong is None:
            return None
        first = T(f"First wrong: {describe(sweep[wrong])}.", f"第一个出错的是：{describe(sweep[wrong])}。")
        if not all(type(answer) is int for answer in got):
            return first
        verified = [explanation for formula, explanation in mistakes
                    if all(formula(*params) == answer for params, answer in zip(sweep, got))]
        if len(verified) != 1:  # none, or the sweep cannot tell them apart: say only where
            return first
        return SENTENCES.join([first, verified[0]])

    return diagnose


# ---- helpers for case functions (they run in the probe) --------------------




def _natural_key(name: str) -> tuple[Any, ...]:
    """Sort "layers.10" after "layers.9": numbers in a name compare as numbers."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name))


def _parameter_key(model: Any, name: str) -> tuple[Any, ...]:
    """Where a parameter sits, without its registration order or its owner's attribute name.

    A parameter is known by its own name within its module ("weight", "bias") and by the names
    and shapes of that module's parameters: conv1's bias (10,) and fc's bias (10,) differ by
    their weights' shapes. Only modules with identical parameters fall back to their names.
    """
    owner_path, _, local = name.rpartition(".")
    owner = model.get_submodule(owner_path) if owner_path else model
    siblings = tuple(sorted((n, tuple(p.shape)) for n, p in owner.named_parameters(recurse=False)))
    return (siblings, local, _natural_key(name))


def canonical_parameters(model: Any) -> list[tuple[str, Any]]:
    """(name, parameter) pairs in an order that means something: registration order does not
    (bias before weight, the Linear layer declared first), so sort by what each parameter is."""
    named = list(model.named_parameters())
    return sorted(named, key=lambda pair: _parameter_key(model, pair[0]))


def parameter_values(model: Any) -> list[Any]:
    """Every parameter, in the canonical order (for comparing values and gradients)."""
    return [param for _, param in canonical_parameters(model)]


def parameter_summary(model: Any) -> dict[str, Any]:
    """What a model registered: parameter names (sorted), their shapes in the canonical order,
    and their count. Neither depends on the order in which layers were created."""
    params = canonical_parameters(model)
    return {
        "names": sorted((name for name, _ in params), key=_natural_key),
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
    """Fill every parameter from a generator seeded by the case's seed and the parameter's
    canonical place (see `canonical_parameters`).

    Both probes build the model independently; seeding by what each parameter is, never by
    the order it was registered in, makes a correct learner model identical to the reference
    one, whatever the order of its layers' creation.
    """
    generator = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for _, param in canonical_parameters(model):
            param.copy_(torch.randn(param.shape, generator=generator) * 0.1)
