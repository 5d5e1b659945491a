"""Plain-words explanations for the errors PyTorch beginners actually hit.

Each rule matches an exception (by type and message) raised by learner code
and adds what it usually means and what to change. The error itself and the
learner's own line are always shown; the explanation comes on top.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from grader.i18n import T, text
from grader.wire import ErrorRecord


@dataclass(frozen=True)
class Rule:
    """Recognises one kind of error and explains it."""

    key: str
    matches: Callable[[ErrorRecord], re.Match[str] | bool | None]
    #: fills the message parameters from the regex match, when there is one
    params: Callable[[re.Match[str]], dict[str, str]] | None = None


def _search(pattern: str, *types: str) -> Callable[[ErrorRecord], re.Match[str] | bool | None]:
    compiled = re.compile(pattern, re.IGNORECASE | re.DOTALL)

    def matches(error: ErrorRecord) -> re.Match[str] | bool | None:
        if types and not any(error.is_a(t) for t in types):
            return None
        return compiled.search(error.message)

    return matches


def _is(*types: str) -> Callable[[ErrorRecord], bool]:
    return lambda error: any(error.is_a(t) for t in types)


def _matmul_params(match: re.Match[str]) -> dict[str, str]:
    rows, inner, weight_in, weight_out = match.groups()
    return {"rows": rows, "got_features": inner, "in_features": weight_in, "out_features": weight_out}


_MATMUL = re.compile(r"mat1 and mat2 shapes cannot be multiplied \((\d+)x(\d+) and (\d+)x(\d+)\)")


def _flattened_batch(message: str) -> bool:
    """One row whose length is a multiple of in_features: the batch went into the features."""
    found = _MATMUL.search(message)
    if not found:
        return False
    rows, inner, weight_in, _ = (int(g) for g in found.groups())
    return rows == 1 and inner > weight_in and inner % weight_in == 0


RULES: tuple[Rule, ...] = (
    # Dataset's own __getitem__ raises NotImplementedError: a misspelled name (the notes' __gettime__).
    Rule("explain_getitem_missing", _search(r"implement __getitem__", "NotImplementedError")),
    Rule("explain_not_implemented", _is("NotImplementedError")),
    Rule("explain_exit", _is("SystemExit")),
    Rule("explain_interrupt", _is("KeyboardInterrupt")),
    Rule("explain_recursion", _is("RecursionError")),
    Rule("explain_memory", lambda e: e.is_a("MemoryError") or "can't allocate" in e.message.lower()
         or "out of memory" in e.message.lower()),
    Rule("explain_flattened_batch", lambda e: _flattened_batch(e.message)),
    Rule("explain_matmul_shapes", _search(r"mat1 and mat2 shapes cannot be multiplied \((\d+)x(\d+) and (\d+)x(\d+)\)"),
         _matmul_params),
    Rule("explain_output_too_small", _search(r"Output size is too small|Kernel size can't be greater than actual input size")),
    Rule("explain_conv_rank", _search(r"Expected (?:3D|4D|2D|3D \(unbatched\) or 4D \(batched\)).*input to (?:conv|max_pool|avg_pool)")),
    Rule("explain_dtype_mismatch", _search(
        r"expected scalar type|should be the same|same dtype|not implemented for '(?:Long|Int|Byte|Bool)'"
        r"|expected .*Float.* but found|found dtype (?:Long|Int)")),
    Rule("explain_no_grad", _search(r"does not require grad and does not have a grad_fn")),
    Rule("explain_inplace_leaf", _search(r"leaf Variable that requires grad .*in-place")),
    Rule("explain_backward_twice", _search(r"backward through the graph a second time")),
    Rule("explain_view", _search(r"view size is not compatible with input tensor's size and stride")),
    Rule("explain_device", _search(r"Expected all tensors to be on the same device")),
    Rule("explain_collate", _search(r"stack expects each tensor to be equal size")),
    Rule("explain_signature", _search(r"positional argument|unexpected keyword argument|required keyword", "TypeError")),
    Rule("explain_missing_name", _search(r"module 'submission' has no attribute '(\w+)'", "AttributeError"),
         lambda m: {"name": m.group(1)}),
)


def explain_error(error: ErrorRecord) -> T:
    """The error, where it happened in the learner's file, and what it usually means."""
    headline = text("error_raised", type=error.type, message=_first_lines(error.message))
    parts = [headline]
    if error.line is not None:
        source = (error.source or "").strip()
        parts.append(text("error_at_line", line=error.line, source=source) if source
                     else text("error_at_line_nosource", line=error.line))
    elif not error.in_learner_code:
        parts.append(text("error_in_check"))
    advice = advise(error)
    if advice:
        parts.append(advice)
    return T("\n".join(p.en for p in parts), "\n".join(p.zh for p in parts))


def advise(error: ErrorRecord) -> T | None:
    """The explanation of the first rule that recognises `error`, if any."""
    for rule in RULES:
        found = rule.matches(error)
        if found:
            params = rule.params(found) if rule.params and isinstance(found, re.Match) else {}
            if rule.key == "explain_no_grad" and not error.in_learner_code:
                return text("explain_output_detached")  # the check's backward() met a detached result
            return text(rule.key, **params)
    return None


def _first_lines(message: str, limit: int = 4) -> str:
    lines = message.strip().splitlines()
    shown = "\n".join(lines[:limit])
    return shown + (" …" if len(lines) > limit else "")
