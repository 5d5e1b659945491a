"""Probe side: turn whatever a case returned into plain, safe data.

Only exact built-in types and exact `torch.Tensor`/`nn.Parameter` are sent
as values. Subclasses (an int whose `__eq__` always says True, a tensor
subclass that lies about its shape) are sent as opaque type names, which
never match the reference. Runs inside the probe, after the learner's code
was imported, so it reads tensors with torch-function overrides disabled.
"""

from __future__ import annotations

import math
import traceback
from typing import Any

import numpy as np

from grader.wire import MAX_DEPTH, encode_array

MAX_ITEMS = 10_000
MAX_STRING = 10_000
MAX_TENSOR_ELEMENTS = 4_000_000


def encode_value(value: Any, depth: int = 0) -> Any:
    """A JSON-ready tree describing `value`."""
    import torch

    if depth > MAX_DEPTH:
        return _opaque(value, "nested too deeply")
    kind = type(value)
    if value is None or kind in (bool, int, str):
        return value[:MAX_STRING] if kind is str else value
    if kind is float:
        return value if math.isfinite(value) else {"kind": "opaque", "type": "float", "text": repr(value)}
    if kind in (list, tuple, torch.Size):
        items = list(value)[:MAX_ITEMS]
        name = "list" if kind is list else "tuple"
        return {"kind": name, "items": [encode_value(item, depth + 1) for item in items]}
    if kind is dict:
        return {
            "kind": "dict",
            "items": {str(k): encode_value(v, depth + 1) for k, v in list(value.items())[:MAX_ITEMS]},
        }
    if kind in (torch.Tensor, torch.nn.Parameter):
        return encode_tensor(value, depth)
    if kind in (np.bool_, np.integer, np.floating) or isinstance(value, np.generic):
        return encode_value(value.item(), depth)
    if kind is torch.dtype:
        return str(value).replace("torch.", "")
    if kind is torch.device:
        return str(value)
    return _opaque(value)


def encode_tensor(tensor: Any, depth: int = 0) -> dict[str, Any]:
    """Shape, dtype, device, autograd state, values and gradient of a tensor."""
    import torch

    with torch._C.DisableTorchFunction():
        record: dict[str, Any] = {
            "kind": "parameter" if type(tensor) is torch.nn.Parameter else "tensor",
            "shape": list(tensor.shape),
            "dtype": str(tensor.dtype).replace("torch.", ""),
            "device": str(tensor.device),
            "requires_grad": bool(tensor.requires_grad),
            "is_leaf": bool(tensor.is_leaf),
            "grad_fn": type(tensor.grad_fn).__name__ if tensor.grad_fn is not None else None,
            "data": None,
            "grad": None,
        }
        if tensor.device.type != "meta" and tensor.numel() <= MAX_TENSOR_ELEMENTS:
            record["data"] = encode_array(_to_numpy(tensor))
        grad = tensor.grad if tensor.is_leaf else None
        if grad is not None and type(grad) is torch.Tensor and depth < MAX_DEPTH:
            record["grad"] = encode_tensor(grad, depth + 1)
    return record


def _to_numpy(tensor: Any) -> np.ndarray:
    import torch

    data = tensor.detach()
    if data.layout != torch.strided:
        data = data.to_dense()
    if data.dtype in (torch.bfloat16, torch.float16):
        data = data.float()
    if data.is_conj():
        data = data.resolve_conj()
    return data.cpu().contiguous().numpy().copy()


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
    return {
        "kind": "error",
        "type": type(exc).__name__[:200],
        "mro": [cls.__name__[:200] for cls in type(exc).__mro__][:20],
        "message": message[:MAX_STRING],
        "line": line,
        "source": source,
        "offset": offset,
        "in_learner_code": bool(in_learner) or line is not None,
    }
