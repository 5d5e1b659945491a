"""Compare a learner's value with the reference's, and say what differs.

Pure functions over decoded records (see `grader.wire`): no torch, no I/O.
Structure, shape, dtype and device are checked before values, so a wrong
shape that happens to broadcast is still reported as a wrong shape.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from grader.judge.diffcells import GRID_MAX_ELEMENTS, ValueDiff, diff_cells, window_text
from grader.judge.explain import explain_error
from grader.text.i18n import LINES, SENTENCES, T, text
from grader.text.messages import LABELS_ZH
from grader.wire import ErrorRecord, OpaqueRecord, TensorRecord

#: how a message names the value a case returned, when it is not inside a dict or list
RESULT = T("your result", "你的结果")

#: one step into a returned value: ("key", name) into a dict, ("item", i) into a list or tuple,
#: ("dim", i) into a shape (a list of sizes)
Step = tuple[str, Any]
#: where a difference is, outermost step first; () is the whole result
Path = tuple[Step, ...]

# The method that converts to each dtype, for the "dtype" explanation.
DTYPE_FIX = {
    "float32": ".float()",
    "float64": ".double()",
    "float16": ".half()",
    "bfloat16": ".bfloat16()",
    "int64": ".long()",
    "int32": ".int()",
    "bool": ".bool()",
    "uint8": ".byte()",
}


def first_difference(got: Any, expected: Any, *, atol: float, rtol: float, path: str = "") -> T | None:
    """The first way `got` differs from `expected`, explained; None when they agree.

    `path` names the two values, as a dict key would ("exact"); without it they are "your result".
    """
    return _difference(got, expected, atol=atol, rtol=rtol, path=(("key", path),) if path else ())


def place(path: Path) -> T:
    """How a message names a place in a returned value, in both languages.

    Dict keys are the case function's labels (Chinese from `LABELS_ZH`, the key itself when it has none);
    list and tuple positions are counted from 1, as a reader counts ("2nd item", "第 2 项" is [1]);
    a size inside a shape is its dimension, numbered from 0 as PyTorch numbers them ("dim 0", "第 0 维").
    For example `{"batch shapes": [..., [[4, 3], [4]]]}` at ["batch shapes"][4][0][0] is
    "batch shapes, 5th item, 1st item, dim 0" and "批次形状，第 5 项，第 1 项，第 0 维".
    """
    if not path:
        return RESULT
    en: list[str] = []
    zh: list[str] = []
    if path[0][0] != "key":  # a position in the whole result: "your result, 2nd item"
        en.append(RESULT.en)
        zh.append(RESULT.zh)
    for kind, value in path:
        if kind == "key":
            en.append(str(value))
            zh.append(LABELS_ZH.get(value, str(value)))
        elif kind == "dim":
            en.append(f"dim {value}")
            zh.append(f"第 {value} 维")
        else:
            en.append(f"{_ordinal(value + 1)} item")
            zh.append(f"第 {value + 1} 项")
    return T(", ".join(en), "，".join(zh))


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _difference(got: Any, expected: Any, *, atol: float, rtol: float, path: Path) -> T | None:
    where = place(path)
    if isinstance(expected, ErrorRecord):
        return _expected_error(got, expected, where)
    if isinstance(got, ErrorRecord):
        return explain_error(got)
    if isinstance(expected, TensorRecord):
        return _tensor_difference(got, expected, atol=atol, rtol=rtol, where=where)
    if isinstance(expected, dict):
        return _dict_difference(got, expected, atol=atol, rtol=rtol, path=path)
    if isinstance(expected, (list, tuple)):
        return _sequence_difference(got, expected, atol=atol, rtol=rtol, path=path)
    return _scalar_difference(got, expected, atol=atol, rtol=rtol, where=where)


def describe(value: Any) -> str:
    """A short, language-neutral description of a value ("tensor (2, 3) float32", "int 5")."""
    if isinstance(value, TensorRecord):
        if value.kind == "ndarray":
            return f"NumPy array {_shape(value.shape)} {value.dtype}"
        return f"tensor {_shape(value.shape)} {value.dtype} on {value.device}"
    if isinstance(value, OpaqueRecord):
        return f"{value.type} object"
    if isinstance(value, ErrorRecord):
        return f"{value.type}: {value.message}"
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, (int, float)):
        return f"{type(value).__name__} {value!r}"
    if isinstance(value, str):
        return f"str {value[:60]!r}"
    if isinstance(value, (list, tuple)):
        return f"{type(value).__name__} of {len(value)} items"
    if isinstance(value, dict):
        return f"dict with keys {sorted(value)}"
    return type(value).__name__


def _expected_error(got: Any, expected: ErrorRecord, where: T) -> T | None:
    if isinstance(got, ErrorRecord):
        # NotImplementedError is a RuntimeError: an unwritten starter must not pass "raises RuntimeError".
        unwritten = got.is_a("NotImplementedError") and expected.type != "NotImplementedError"
        if got.is_a(expected.type) and not unwritten:
            return None
        return text("expected_error_other", expected=expected.type, got=got.type, message=got.message[:200])
    return text("expected_error_none", where=where, expected=expected.type, got=describe(got))


def _dict_difference(got: Any, expected: dict, *, atol: float, rtol: float, path: Path) -> T | None:
    if not isinstance(got, dict):
        return text("wrong_type", where=place(path), expected=describe(expected), got=describe(got))
    for key, value in expected.items():
        if key not in got:
            return text("missing_key", where=place(path), name=key)
        found = _difference(got[key], value, atol=atol, rtol=rtol, path=(*path, ("key", key)))
        if found:
            return found
    return None


def _is_shape(path: Path, got: Any, expected: Any) -> bool:
    """Whether two sequences are shapes: all sizes, recorded under a name that ends in "shape" or "size",
    or inside a list of them ("batch shapes": [[4, 3], ...])."""
    if not all(type(n) is int for n in (*got, *expected)):
        return False
    keys = [i for i, (kind, value) in enumerate(path) if kind == "key" and isinstance(value, str)]
    if not keys:
        return False
    name = str(path[keys[-1]][1]).lower()
    return name.endswith(("shape", "size")) or (name.endswith("shapes") and keys[-1] < len(path) - 1)


def _sequence_difference(got: Any, expected: list | tuple, *, atol: float, rtol: float, path: Path) -> T | None:
    where = place(path)
    if not isinstance(got, (list, tuple)):
        return text("wrong_type", where=where, expected=describe(expected), got=describe(got))
    if len(got) != len(expected):
        if _is_shape(path, got, expected):  # a shape has dimensions, not items: (1,) vs (1, 10) for a batch of one
            return text("wrong_shape_dims", where=where, expected=len(expected), got=len(got),
                        expected_shape=tuple(expected), got_shape=tuple(got))
        return text("wrong_length", where=where, expected=len(expected), got=len(got))
    step = "dim" if _is_shape(path, got, expected) else "item"
    for i, (mine, theirs) in enumerate(zip(got, expected, strict=True)):  # lengths compared above
        found = _difference(mine, theirs, atol=atol, rtol=rtol, path=(*path, (step, i)))
        if found:
            return found
    return None


def _scalar_difference(got: Any, expected: Any, *, atol: float, rtol: float, where: T) -> T | None:
    if isinstance(got, OpaqueRecord):
        return text("opaque_value", where=where, expected=describe(expected), got=got.type)
    if isinstance(expected, bool) or expected is None or isinstance(expected, str):
        if type(got) is type(expected) and got == expected:
            return None
        return text("wrong_value", where=where, expected=repr(expected), got=describe(got))
    if isinstance(got, TensorRecord):
        return text("tensor_not_number", where=where, expected=describe(expected), got=describe(got))
    if type(expected) is int:
        if type(got) is int:
            return None if got == expected else text("wrong_value", where=where, expected=expected, got=got)
        if type(got) is float:
            return text("float_not_int", where=where, expected=expected, got=got)
        return text("wrong_type", where=where, expected=describe(expected), got=describe(got))
    if type(got) not in (int, float):
        return text("wrong_type", where=where, expected=describe(expected), got=describe(got))
    if (math.isnan(expected) and math.isnan(got)) or (math.isinf(expected) and got == expected):
        return None
    if abs(got - expected) <= atol + rtol * abs(expected):
        return None
    return text("wrong_value", where=where, expected=repr(expected), got=repr(got))


def _tensor_difference(got: Any, expected: TensorRecord, *, atol: float, rtol: float, where: T) -> T | None:
    if not isinstance(got, TensorRecord):
        if isinstance(got, OpaqueRecord):
            return text("opaque_tensor", where=where, got=got.type)
        return text("not_a_tensor", where=where, expected=describe(expected), got=describe(got))
    if (got.kind == "ndarray") != (expected.kind == "ndarray"):
        key = "numpy_not_tensor" if got.kind == "ndarray" else "tensor_not_numpy"
        return text(key, where=where)
    if got.shape != expected.shape:
        return _shape_difference(got.shape, expected.shape, where)
    if got.dtype != expected.dtype:
        fix = DTYPE_FIX.get(expected.dtype, f".to(torch.{expected.dtype})")
        if expected.kind == "ndarray":
            fix = f".astype(np.{expected.dtype})"
        return text("wrong_dtype", where=where, expected=expected.dtype, got=got.dtype, fix=fix)
    if _device_type(got.device) != _device_type(expected.device):
        # a value that belongs on the CPU whatever the input's device gets the opposite advice
        key = "wrong_device_cpu" if _device_type(expected.device) == "cpu" else "wrong_device"
        return text(key, where=where, expected=expected.device, got=got.device)
    if expected.requires_grad and not got.requires_grad:
        return text("graph_broken", where=where)
    if got.requires_grad and not expected.requires_grad:
        return text("should_not_require_grad", where=where)
    if expected.kind == "parameter" and got.kind != "parameter":
        return text("not_a_parameter", where=where)
    if expected.values is not None:
        if got.values is None:  # the values never arrived: a record without evidence earns nothing
            return text("missing_values", where=where)
        found = value_difference(got.values, expected.values, atol=atol, rtol=rtol, where=where)
        if found:
            return found
    if expected.grad is not None:
        if got.grad is None:
            return text("missing_grad", where=where)
        return _tensor_difference(got.grad, expected.grad, atol=atol, rtol=rtol, where=_grad_of(where))
    if got.grad is not None and expected.is_leaf and expected.requires_grad:
        return text("unexpected_grad", where=where)
    return None


def _shape_difference(got: tuple[int, ...], expected: tuple[int, ...], where: T) -> T:
    message = text("wrong_shape", where=where, expected=_shape(expected), got=_shape(got))
    advice = shape_advice(got, expected)
    return SENTENCES.join([message, advice]) if advice else message


def shape_advice(got: tuple[int, ...], expected: tuple[int, ...]) -> T | None:
    """A likely cause for a shape mismatch, from the two shapes alone."""
    got_n, exp_n = int(np.prod(got, dtype=np.int64)), int(np.prod(expected, dtype=np.int64))
    if len(got) == 1 and len(expected) == 2 and got_n == exp_n:
        return text("advice_flattened_batch")
    if len(got) != len(expected) and tuple(d for d in got if d != 1) == tuple(d for d in expected if d != 1):
        return text("advice_singleton", got_rank=len(got), expected_rank=len(expected))
    if sorted(got) == sorted(expected):
        return text("advice_permuted")
    if got_n == exp_n:
        return text("advice_same_numel")
    return None


def value_difference(got: np.ndarray, expected: np.ndarray, *, atol: float, rtol: float, where: Any) -> T | None:
    """Compare two same-shape arrays; exact for integers and booleans, with tolerance for floats."""
    if expected.dtype.kind in "biu":
        bad = got != expected
        atol = rtol = 0.0
    else:
        with np.errstate(invalid="ignore", over="ignore"):
            diff = np.abs(got.astype(np.complex128 if got.dtype.kind == "c" else np.float64) - expected)
            bad = ~(diff <= atol + rtol * np.abs(expected))
        both_nan = np.isnan(got) & np.isnan(expected) if expected.dtype.kind == "f" else np.zeros_like(bad)
        bad &= ~both_nan
    if not bad.any():
        return None
    if expected.ndim == 0:  # a single number has no index to point at: "First at index ()" says nothing
        return text("wrong_value", where=where, expected=_number(expected[()]), got=_number(got[()]))
    first = tuple(int(i) for i in np.argwhere(bad)[0])
    with np.errstate(invalid="ignore", over="ignore", divide="ignore"):
        if expected.dtype.kind == "c":
            abs_err = np.abs(got - expected)
        else:
            abs_err = np.abs(got.astype(np.float64) - expected.astype(np.float64))
        rel_err = abs_err / np.maximum(np.abs(expected).astype(np.float64), 1e-12)
    summary = text(
        "wrong_values",
        where=where,
        count=int(bad.sum()),
        total=int(bad.size),
        index=first if len(first) != 1 else first[0],
        expected=_number(expected[first]),
        got=_number(got[first]),
        max_abs=_largest(abs_err[bad]),
        max_rel=_largest(rel_err[bad & (expected != 0)]),
        atol=atol,
        rtol=rtol,
    )
    if expected.size <= 1:
        return summary  # one number: the summary already shows expected and got
    if expected.size <= GRID_MAX_ELEMENTS and expected.ndim <= 2:
        grids = text("value_grids", expected=_grid(expected), got=_grid(got))
        cells = diff_cells(got, expected, bad, first, text_lines=grids.en.count("\n") + 1)
        both = LINES.join([summary, grids])
        return ValueDiff(both.en, both.zh, cells)
    expected_near, got_near = window_text(got, expected, first)
    window = text("value_window", shape=_shape(expected.shape), expected=expected_near, got=got_near)
    cells = diff_cells(got, expected, bad, first, text_lines=1)
    both = LINES.join([summary, window])
    return ValueDiff(both.en, both.zh, cells)


def _largest(errors: np.ndarray) -> str:
    """The largest error among the differing positions; nan when a value is nan, n/a when none applies."""
    if errors.size == 0:
        return "n/a"
    if np.isnan(errors).any():
        return "nan"
    return f"{float(errors.max()):.4g}"


def _grid(array: np.ndarray) -> str:
    return np.array2string(array, precision=4, suppress_small=True, separator=", ")


def _number(value: Any) -> str:
    return f"{value.item():.6g}" if hasattr(value, "item") and np.asarray(value).dtype.kind == "f" else str(value)


def _shape(shape: tuple[int, ...]) -> str:
    return "(" + ", ".join(str(d) for d in shape) + ("," if len(shape) == 1 else "") + ")"


def _grad_of(where: T) -> T:
    return T(f"{where.en}.grad", f"{where.zh}.grad")


def _device_type(device: str) -> str:
    return device.split(":")[0]
