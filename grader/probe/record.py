"""Probe side: turn whatever a case returned into plain, safe data.

Only exact built-in types, exact `torch.Tensor`/`nn.Parameter` and the
tensor subclasses of libraries (torchvision's tv_tensors) are sent as values;
NumPy's scalars (np.float64 is a float) become the Python numbers they are.
Other subclasses (an int whose `__eq__` always says True, a tensor
subclass that lies about its shape) are sent as opaque type names, which
never match the reference. Runs inside the probe, after the learner's code
was imported, so it reads tensors through methods learner code cannot
replace, with torch-function overrides and dispatch modes switched off.
"""

from __future__ import annotations

import math
import traceback
from typing import Any

import numpy as np

from grader.wire import ARRAY_DTYPES, MAX_DEPTH, ErrorRecord, encode_array

MAX_ITEMS = 10_000
MAX_STRING = 10_000
MAX_TENSOR_ELEMENTS = 4_000_000
#: larger ints do not fit JSON's 4300-digit limit; no exercise needs them
MAX_INT_BITS = 4096


def encode_value(value: Any, depth: int = 0) -> Any:
    """A JSON-ready tree describing `value`."""
    import torch

    if depth >= MAX_DEPTH:  # the judge reads at most MAX_DEPTH levels
        return _opaque(value, "nested too deeply")
    kind = type(value)
    if kind is int and value.bit_length() > MAX_INT_BITS:
        return {"kind": "opaque", "type": "int", "text": f"an integer of {value.bit_length()} bits"}
    if value is None or kind in (bool, int, str):
        return value[:MAX_STRING] if kind is str else value
    if kind is float:  # JSON has no nan or inf: those travel by name
        return value if math.isfinite(value) else {"kind": "float", "name": repr(value)}
    if kind in (list, tuple, torch.Size):
        items = list(value)[:MAX_ITEMS]
        name = "list" if kind is list else "tuple"
        return {"kind": name, "items": [encode_value(item, depth + 1) for item in items]}
    if kind is dict:
        return {
            "kind": "dict",
            "items": {_key(k): encode_value(v, depth + 1) for k, v in list(value.items())[:MAX_ITEMS]},
        }
    if kind in (torch.Tensor, torch.nn.Parameter) or _library_tensor(value, kind):
        return encode_tensor(value, depth)
    if kind is np.ndarray and value.dtype.name in ARRAY_DTYPES and value.size <= MAX_TENSOR_ELEMENTS:
        return {"kind": "ndarray", "data": encode_array(np.ndarray.copy(value))}
    if isinstance(value, np.generic) and kind.__module__ == "numpy":  # numpy's own scalars, not subclasses
        return encode_value(np.generic.item(value), depth)
    if kind is torch.dtype:
        return str(value).replace("torch.", "")
    if kind is torch.device:
        return str(value)
    return _opaque(value)


#: tensor subclasses that libraries hand to learners as ordinary tensors (transforms.v2 returns
#: tv_tensors.Image): recorded as the plain tensor they are
LIBRARY_TENSOR_MODULES = ("torchvision.tv_tensors.",)


def _library_tensor(value: Any, kind: type) -> bool:
    """A library's tensor subclass, recorded like a tensor.

    Safe even if learner code imitates the module name: `encode_tensor` reads through
    `torch._C.TensorBase` with overrides switched off, so the record holds what the tensor
    holds, whatever the subclass claims.
    """
    import torch

    return isinstance(value, torch.Tensor) and kind.__module__.startswith(LIBRARY_TENSOR_MODULES)


def encode_tensor(tensor: Any, depth: int = 0) -> dict[str, Any]:
    """Shape, dtype, device, autograd state, values and gradient of a tensor.

    Read through `torch._C.TensorBase`, whose methods learner code cannot
    replace, with torch-function overrides and any dispatch mode switched off,
    so what is recorded is what the tensor holds.
    """
    import torch
    from torch.utils._python_dispatch import _disable_current_modes

    base: Any = torch._C.TensorBase  # properties are read as C descriptors (`__get__`), which the stubs type as values
    with torch._C.DisableTorchFunction(), _disable_current_modes():
        grad_fn = base.grad_fn.__get__(tensor)
        is_leaf = bool(base.is_leaf.__get__(tensor))
        device = base.device.__get__(tensor)
        record: dict[str, Any] = {
            "kind": "parameter" if type(tensor) is torch.nn.Parameter else "tensor",
            "shape": list(base.size(tensor)),
            "dtype": str(base.dtype.__get__(tensor)).replace("torch.", ""),
            "device": str(device),
            "requires_grad": bool(base.requires_grad.__get__(tensor)),
            "is_leaf": is_leaf,
            "grad_fn": type(grad_fn).__name__ if grad_fn is not None else None,
            "data": None,
            "grad": None,
        }
        if device.type != "meta" and base.numel(tensor) <= MAX_TENSOR_ELEMENTS:
            record["data"] = encode_array(_to_numpy(tensor))
        grad = base.grad.__get__(tensor) if is_leaf else None
        if grad is not None and type(grad) is torch.Tensor and depth < MAX_DEPTH:
            record["grad"] = encode_tensor(grad, depth + 1)
    return record


def _to_numpy(tensor: Any) -> np.ndarray:
    import torch

    base: Any = torch._C.TensorBase  # C descriptors read with `__get__`, as in `encode_tensor`
    data = base.detach(tensor)
    if base.layout.__get__(data) != torch.strided:
        data = base.to_dense(data)
    if base.dtype.__get__(data) in (torch.bfloat16, torch.float16):
        data = base.float(data)
    if base.is_conj(data):
        data = base.resolve_conj(data)
    return base.numpy(base.contiguous(base.cpu(data))).copy()


def _key(key: Any) -> str:
    """A dict key as text; only plain keys are converted, so no learner __str__ runs here."""
    plain = (str, int, float, bool, type(None))
    if type(key) in plain or (type(key) is tuple and all(type(part) in plain for part in key)):
        return str(key)[:MAX_STRING]
    return f"<{type(key).__name__[:100]} key>"


def _opaque(value: Any, note: str = "") -> dict[str, Any]:
    kind = type(value)
    name = f"{kind.__module__}.{kind.__qualname__}" if kind.__module__ != "builtins" else kind.__qualname__
    return {"kind": "opaque", "type": name[:200], "text": note}


def encode_error(exc: BaseException, learner_file: str) -> dict[str, Any]:
    """An exception as data, pointing at the learner's own line when it passed through it."""
    line = source = offset = None
    frames = traceback.extract_tb(exc.__traceback__)
    in_learner = [frame for frame in frames if frame.filename == learner_file]
    if isinstance(exc, SyntaxError) and exc.filename == learner_file:
        line, source, offset = exc.lineno, (exc.text or "").rstrip("\n"), exc.offset
    elif in_learner:
        line, source = in_learner[-1].lineno, in_learner[-1].line
    try:
        message = str(exc)
    except BaseException:  # a learner exception whose __str__ raises
        message = "<message could not be read>"
    return ErrorRecord(
        type=type(exc).__name__[:200],
        bases=tuple(cls.__name__[:200] for cls in type(exc).__mro__)[:20],
        message=message[:MAX_STRING],
        line=line,
        source=source,
        offset=offset,
        in_learner_code=bool(in_learner) or line is not None,
    ).to_json()
