"""Plain-words explanations for the errors PyTorch beginners actually hit.

Each rule matches an exception (by type and message) raised by learner code
and adds what it usually means and what to change, with the numbers from the
message filled in (the features a Linear layer got, the input size a conv
layer refused, the two devices that met). The error itself and the learner's
own line are always shown; the explanation comes on top.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from grader.text.i18n import LINES, T, text
from grader.wire import ErrorRecord

Matcher = Callable[[ErrorRecord], "re.Match[str] | bool | None"]


@dataclass(frozen=True)
class Rule:
    """Recognises one kind of error and explains it."""

    key: str
    matches: Matcher
    #: fills the message parameters from the regex match, when there is one
    params: Callable[[re.Match[str]], dict[str, str]] | None = None


def _search(pattern: str, *types: str) -> Matcher:
    compiled = re.compile(pattern, re.IGNORECASE | re.DOTALL)

    def matches(error: ErrorRecord) -> re.Match[str] | bool | None:
        if types and not any(error.is_a(t) for t in types):
            return None
        return compiled.search(error.message)

    return matches


def _is(*types: str) -> Matcher:
    return lambda error: any(error.is_a(t) for t in types)


def _own_stack_call(error: ErrorRecord) -> bool:
    """The learner's own line stacks tensors it names (torch.stack([a, b])): no DataLoader is involved.

    A collate_fn stacks a collection of samples instead (torch.stack(sequences)): that keeps the batch advice.
    """
    return bool(error.in_learner_code and error.source and re.search(r"\bstack\(\s*[\[(]", error.source))


# ---- autograd -----------------------------------------------------------------------

_INPLACE_LEAF = r"leaf Variable that requires grad .*in-place"


def _inplace_in_computation(error: ErrorRecord) -> bool:
    """An in-place change of a leaf on a line that computes (an activation, x += 1, x[mask] = 0), not on a
    parameter update: a line that never mentions a gradient. torch.no_grad() is right for an update only;
    in a computation it would cut the very gradient the leaf needs."""
    source = error.source or ""
    if not source or "grad" in source.lower():
        return False
    return re.search(_INPLACE_LEAF, error.message, re.IGNORECASE | re.DOTALL) is not None


def _grad_none_zero(error: ErrorRecord) -> bool:
    """`w.grad.zero_()` (or `.data`, `.add_`...) before the first backward(): .grad is still None."""
    return (error.is_a("AttributeError") and "'NoneType' object has no attribute" in error.message
            and ".grad." in (error.source or ""))


# ---- Linear / matmul ---------------------------------------------------------------

# The CPU/CUDA wording, and the meta device's wording of the same mistake.
_MATMUL = (r"mat1 and mat2 shapes cannot be multiplied \((\d+)x(\d+) and (\d+)x(\d+)\)"
           r"|a and b must have same reduction dim, but got \[(\d+), (\d+)\] X \[(\d+), (\d+)\]")


def _matmul_numbers(match: re.Match[str]) -> list[str]:
    """rows, features per row, in_features, out_features: whichever wording matched."""
    return [g for g in match.groups() if g is not None]


def _matmul_params(match: re.Match[str]) -> dict[str, str]:
    rows, inner, weight_in, weight_out = _matmul_numbers(match)
    return {"rows": rows, "got_features": inner, "in_features": weight_in, "out_features": weight_out}


def _flattened_batch(error: ErrorRecord) -> bool:
    """One row whose length is a multiple of in_features: the batch went into the features."""
    found = re.search(_MATMUL, error.message)
    if not found:
        return False
    rows, inner, weight_in, _ = (int(g) for g in _matmul_numbers(found))
    return rows == 1 and inner > weight_in and inner % weight_in == 0


def _fixed_rows(error: ErrorRecord) -> re.Match[str] | None:
    """A reshape to a fixed number of rows (x.view(64, -1)) on the learner's line, and numbers that agree:
    the values would fill whole rows of in_features, just not `rows` of them."""
    found = re.search(_MATMUL, error.message)
    if not found or not re.search(r"\.(?:view|reshape)\(\s*\d+\s*,", error.source or ""):
        return None
    rows, inner, weight_in, _ = (int(g) for g in _matmul_numbers(found))
    return found if rows * inner % weight_in == 0 and rows * inner // weight_in != rows else None


def _fixed_rows_params(match: re.Match[str]) -> dict[str, str]:
    rows, inner, weight_in, _ = (int(g) for g in _matmul_numbers(match))
    return {"rows": str(rows), "samples": str(rows * inner // weight_in), "in_features": str(weight_in)}


def _own_matmul(error: ErrorRecord) -> re.Match[str] | None:
    """The learner multiplied matrices themselves (a @ b, torch.matmul, .mm) on the line that failed:
    no Linear layer is involved, so advice about nn.Linear's sizes does not apply."""
    found = re.search(_MATMUL, error.message)
    source = error.source or ""
    if not found or not re.search(r"@|\bmatmul\(|\.mm\(|\bmm\(", source):
        return None
    return found


def _own_matmul_params(match: re.Match[str]) -> dict[str, str]:
    rows, inner, other_rows, other_cols = _matmul_numbers(match)
    return {"left": f"({rows}, {inner})", "right": f"({other_rows}, {other_cols})", "inner": inner,
            "other_rows": other_rows}


# ---- conv and pooling input rank ----------------------------------------------------

_CONV_RANK = (r"Expected \S+ (?:\(unbatched\) )?or \S+ (?:\(batched\) )?input to (\w+), but got input of size: "
              r"\[([\d, ]*)\]")


def _image_side(features: int) -> tuple[int, int] | None:
    """(channels, side) when `features` is a flattened square image with 1 or 3 channels."""
    for channels in (1, 3):
        side = math.isqrt(features // channels) if features % channels == 0 else 0
        if side >= 4 and channels * side * side == features:
            return channels, side
    return None


def _conv_rank_params(match: re.Match[str]) -> dict[str, str]:
    layer, sizes = match.group(1), [int(s) for s in match.group(2).replace(" ", "").split(",") if s]
    shape = "(" + ", ".join(map(str, sizes)) + ("," if len(sizes) == 1 else "") + ")"
    fix = "x.reshape(-1, C, H, W)"
    if len(sizes) == 2 and sizes[0] == sizes[1]:
        fix = f"x.reshape(-1, 1, {sizes[0]}, {sizes[1]})"
    elif sizes and len(sizes) <= 2 and _image_side(sizes[-1]):
        channels, side = _image_side(sizes[-1])  # type: ignore[misc]
        fix = f"x.reshape(-1, {channels}, {side}, {side})"
    return {"layer": layer, "shape": shape, "rank": str(len(sizes)), "fix": fix}


def _conv_flattened(error: ErrorRecord) -> re.Match[str] | None:
    """A conv/pool layer given (N, C*H*W): the images were flattened before the convolutions."""
    found = re.search(_CONV_RANK, error.message, re.IGNORECASE)
    if not found:
        return None
    sizes = [int(s) for s in found.group(2).replace(" ", "").split(",") if s]
    return found if len(sizes) == 2 and sizes[0] != sizes[1] and _image_side(sizes[1]) else None


# ---- dtypes -------------------------------------------------------------------------

_TYPE_NAMES = {"long int": "Long", "long": "Long", "int": "Int", "float": "Float", "double": "Double",
               "half": "Half", "unsigned char": "Byte", "bool": "Bool"}
_FLOAT_VS_OTHER = (r"Input type \(([\w ]+)\) and (?:bias|weight) type \(([\w ]+)\) should be the same"
                   r"|mat1 and mat2 must have the same dtype, but got (\w+) and (\w+)"
                   r"|expected scalar type (\w+) but found (\w+)"
                   r"|expected m1 and m2 to have the same dtype, but got: (\w+) != (\w+)")


def _dtype_pair_params(match: re.Match[str]) -> dict[str, str]:
    first, second = (g for g in match.groups() if g)
    name = lambda t: _TYPE_NAMES.get(t.strip().lower(), t.strip())  # noqa: E731
    return {"first": name(first), "second": name(second)}


_DATA_VS_WEIGHT = (r"Input type \(([\w ]+)\) and (?:bias|weight) type \(([\w ]+)\) should be the same"
                   r"|mat1 and mat2 must have the same dtype, but got (\w+) and (\w+)")


def _float64_model(error: ErrorRecord) -> re.Match[str] | None:
    """The data is float32 while the layer's own weights are float64: these two wordings name the input
    first and the weight second, so the direction of the fix is known (not "convert the data to float32")."""
    found = re.search(_DATA_VS_WEIGHT, error.message, re.IGNORECASE)
    if not found:
        return None
    data, weight = (g.strip().lower() for g in found.groups() if g)
    return found if data == "float" and weight == "double" else None


# ---- devices, broadcasting, DataLoader ------------------------------------------------


def _device_params(match: re.Match[str]) -> dict[str, str]:
    first, second = (g for g in match.groups() if g)
    return {"first": first.rstrip("!,"), "second": second.rstrip("!,")}


_DEVICES = (r"Tensor on device (\S+) is not on the expected device (\S+?)!"
            r"|found at least two devices, (\S+) and (\S+?)!"
            r"|is on (\S+), different from other tensors on (\S+)")
_CONV_CHANNELS = r"expected input\[([\d, ]+)\] to have (\d+) channels, but got (\d+) channels"
_TARGET_DTYPE = (r"expected target dtype to be Long|scalar type Long but got \w+ for argument.*target"
                 r"|nll_loss.*not implemented for")
_COLLATE = r"default_collate: batch must contain .*?found <class '{0}'>"


RULES: tuple[Rule, ...] = (
    # Dataset's own __getitem__ raises NotImplementedError: a misspelled name (the notes' __gettime__).
    Rule("explain_getitem_missing", _search(r"implement __getitem__", "NotImplementedError")),
    # Before "not written yet": torch raises NotImplementedError for float-only kernels given integers.
    Rule("explain_integer_op", _search(r"not implemented for '(Long|Int|Short|Byte|Char|Bool)'"),
         lambda m: {"dtype": m.group(1)}),
    # Only the starter's own `raise NotImplementedError` means "not written yet"; torch raises it too
    # (e.g. copying out of a meta tensor), and then the error itself is the explanation.
    Rule("explain_not_implemented",
         lambda e: e.is_a("NotImplementedError") and "NotImplementedError" in (e.source or "")),
    Rule("explain_tampering", _is("GraderTampering")),
    Rule("explain_exit", _is("SystemExit")),
    Rule("explain_interrupt", _is("KeyboardInterrupt")),
    Rule("explain_recursion", _is("RecursionError")),
    Rule("explain_memory", lambda e: e.is_a("MemoryError") or "can't allocate" in e.message.lower()
         or "out of memory" in e.message.lower() or "cannot allocate memory" in e.message.lower()),
    Rule("explain_flattened_batch", _flattened_batch),
    # the most specific reading first: a fixed row count or the learner's own product, seen on their line
    Rule("explain_fixed_rows", _fixed_rows, _fixed_rows_params),
    Rule("explain_own_matmul", _own_matmul, _own_matmul_params),
    Rule("explain_matmul_shapes", _search(_MATMUL), _matmul_params),
    Rule("explain_output_too_small",
         _search(r"Output size is too small|Kernel size can't be greater than actual input size")),
    Rule("explain_conv_flattened", _conv_flattened, _conv_rank_params),
    Rule("explain_conv_rank", _search(_CONV_RANK), _conv_rank_params),
    Rule("explain_pool_rank", _search(r"non-empty 3D or 4D \(batch mode\) tensor expected for input")),
    Rule("explain_conv_channels", _search(_CONV_CHANNELS),
         lambda m: {"input": m.group(1), "expected": m.group(2), "got": m.group(3)}),
    Rule("explain_target_dtype", _search(_TARGET_DTYPE)),
    Rule("explain_target_shape", _search(r"0D or 1D target tensor expected, multi-target not supported")),
    Rule("explain_float64_model", _float64_model),
    Rule("explain_float_vs_other", _search(_FLOAT_VS_OTHER), _dtype_pair_params),
    Rule("explain_dtype_mismatch", _search(
        r"expected scalar type|should be the same|same dtype|expected .*Float.* but found|found dtype (?:Long|Int)")),
    Rule("explain_no_grad", _search(r"does not require grad and does not have a grad_fn")),
    Rule("explain_missing_forward", _search(r'Module \[(\w+)\] is missing the required "forward" function'),
         lambda m: {"cls": m.group(1)}),
    Rule("explain_grad_none_zero", _grad_none_zero),
    Rule("explain_inplace_computation", _inplace_in_computation),
    Rule("explain_inplace_leaf", _search(_INPLACE_LEAF)),
    Rule("explain_backward_twice", _search(r"backward through the graph a second time")),
    Rule("explain_scalar_backward", _search(r"grad can be implicitly created only for scalar outputs")),
    Rule("explain_numpy_grad", _search(r"Can't call numpy\(\) on Tensor that requires grad")),
    Rule("explain_view", _search(r"view size is not compatible with input tensor's size and stride")),
    Rule("explain_device_pair", _search(_DEVICES), _device_params),
    Rule("explain_device", _search(r"Expected all tensors to be on the same device|is not on the expected device")),
    Rule("explain_no_cuda", _search(r"Found no NVIDIA driver|Torch not compiled with CUDA enabled"
                                    r"|no CUDA GPUs are available|CUDA driver initialization failed")),
    Rule("explain_broadcast", _search(r"The size of tensor a \((\d+)\) must match the size of tensor b \((\d+)\) "
                                      r"at non-singleton dimension (\d+)"),
         lambda m: {"a": m.group(1), "b": m.group(2), "dim": m.group(3)}),
    Rule("explain_stack_sizes", lambda error: _search(r"stack expects each tensor to be equal size")(error)
         and _own_stack_call(error)),
    Rule("explain_collate", _search(r"stack expects each tensor to be equal size")),
    Rule("explain_collate_pil", _search(_COLLATE.format(r"PIL\.[\w.]+"))),
    Rule("explain_collate_none", _search(_COLLATE.format("NoneType"))),
    Rule("explain_collate_type", _search(_COLLATE.format(r"([\w.]+)")), lambda m: {"found": m.group(1)}),
    Rule("explain_signature",
         _search(r"positional argument|unexpected keyword argument|required keyword", "TypeError")),
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
    elif not error.in_learner_code and not _cause_in_learner_class(error):
        parts.append(text("error_in_check"))
    advice = advise(error)
    if advice:
        parts.append(advice)
    return LINES.join(parts)


def _cause_in_learner_class(error: ErrorRecord) -> bool:
    """The check called the learner's model, but the cause is how its class is written (no forward
    method): "check what your code returned" would send the learner to the wrong place."""
    return bool(re.search(r'is missing the required "forward" function', error.message))


def advise(error: ErrorRecord) -> T | None:
    """The explanation of the first rule that recognises `error`, if any."""
    for rule in RULES:
        found = rule.matches(error)
        if not found:
            continue
        params = rule.params(found) if rule.params and isinstance(found, re.Match) else {}
        if rule.key == "explain_no_grad" and not error.in_learner_code:
            return text("explain_output_detached")  # the check's backward() met a detached result
        return text(rule.key, **params)
    return None


def _first_lines(message: str, limit: int = 4) -> str:
    lines = message.strip().splitlines()
    shown = "\n".join(lines[:limit])
    return shown + (" …" if len(lines) > limit else "")
