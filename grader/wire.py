"""The probe-to-judge channel: length-prefixed JSON frames, nothing executable.

A frame is 4 bytes of big-endian length followed by that many bytes of UTF-8
JSON. Tensors travel inside the JSON as base64 of their raw little-endian
buffer with an explicit dtype and shape (like safetensors), so reading a
frame can never run code: there is no pickle anywhere on this path. This
module has no torch import; the probe-side encoder lives in `grader.probe.record`.
"""

from __future__ import annotations

import base64
import json
import math
import struct
from dataclasses import dataclass
from typing import Any, BinaryIO

import numpy as np

HEADER = struct.Struct(">I")
MAX_FRAME_BYTES = 64 * 1024 * 1024
#: everything one probe may send in total, and how many frames: a flood is a protocol violation
MAX_TOTAL_BYTES = 512 * 1024 * 1024
MAX_FRAMES = 10_000
#: dtypes an array may claim; anything else is a protocol violation
ARRAY_DTYPES = {
    "bool": np.bool_,
    "uint8": np.uint8,
    "int8": np.int8,
    "int16": np.int16,
    "int32": np.int32,
    "int64": np.int64,
    "float16": np.float16,
    "float32": np.float32,
    "float64": np.float64,
    "complex64": np.complex64,
    "complex128": np.complex128,
}
MAX_DEPTH = 32


class ProtocolError(Exception):
    """The probe sent something that is not a well-formed frame or value."""


def write_frame(stream: BinaryIO, payload: dict[str, Any]) -> None:
    """Send one JSON frame (the probe side)."""
    data = json.dumps(payload, allow_nan=True, separators=(",", ":")).encode()
    stream.write(HEADER.pack(len(data)) + data)
    stream.flush()


class FrameReader:
    """Cuts a byte stream into JSON frames, enforcing the size limits."""

    def __init__(
        self, max_frame: int = MAX_FRAME_BYTES, max_total: int = MAX_TOTAL_BYTES, max_frames: int = MAX_FRAMES
    ) -> None:
        self._buffer = bytearray()
        self._max_frame = max_frame
        self._max_total = max_total
        self._max_frames = max_frames
        self._received = 0
        self._count = 0

    def feed(self, chunk: bytes) -> list[dict[str, Any]]:
        self._received += len(chunk)
        if self._received > self._max_total:
            raise ProtocolError(f"more than {self._max_total} bytes of results")
        self._buffer.extend(chunk)
        frames = []
        while len(self._buffer) >= HEADER.size:
            (length,) = HEADER.unpack_from(self._buffer)
            if length > self._max_frame:
                raise ProtocolError(f"a result frame of {length} bytes exceeds the limit")
            if len(self._buffer) < HEADER.size + length:
                break
            body = bytes(self._buffer[HEADER.size : HEADER.size + length])
            del self._buffer[: HEADER.size + length]
            self._count += 1
            if self._count > self._max_frames:
                raise ProtocolError(f"more than {self._max_frames} result frames")
            frames.append(parse_frame(body))
        return frames

    @property
    def pending(self) -> int:
        return len(self._buffer)


def parse_frame(body: bytes) -> dict[str, Any]:
    """One frame's JSON object; deep nesting, huge numbers and bad UTF-8 are protocol errors, not crashes."""
    try:
        frame = json.loads(body)
    except (ValueError, RecursionError) as exc:  # RecursionError: "[[[[..." nested past the stack
        raise ProtocolError(f"a result frame is not valid JSON ({type(exc).__name__})") from None
    if not isinstance(frame, dict):
        raise ProtocolError("a result frame is not a JSON object")
    return frame


def encode_array(array: np.ndarray) -> dict[str, Any]:
    """A numpy array as a JSON object (used by the probe after moving to CPU)."""
    array = np.array(array, order="C", copy=True)  # ascontiguousarray would make 0-d arrays 1-d
    name = array.dtype.name
    if name not in ARRAY_DTYPES:
        raise TypeError(f"cannot send arrays of dtype {name}")
    little = array.astype(array.dtype.newbyteorder("<"), copy=False)
    return {"dtype": name, "shape": list(array.shape), "b64": base64.b64encode(little.tobytes()).decode()}


def decode_array(obj: Any) -> np.ndarray:
    """Rebuild an array from `encode_array`'s output, checking every field."""
    if not isinstance(obj, dict):
        raise ProtocolError("array data is not an object")
    dtype = ARRAY_DTYPES.get(obj.get("dtype"))  # type: ignore[arg-type]
    shape = obj.get("shape")
    raw = obj.get("b64")
    if dtype is None or not isinstance(shape, list) or not isinstance(raw, str):
        raise ProtocolError("array data has a bad dtype, shape or payload")
    if not all(type(n) is int and n >= 0 for n in shape):
        raise ProtocolError("array shape must be non-negative integers")
    try:
        data = base64.b64decode(raw, validate=True)
    except ValueError:
        raise ProtocolError("array payload is not base64") from None
    expected = math.prod(shape) * np.dtype(dtype).itemsize  # Python ints: a forged shape cannot overflow
    if len(data) != expected:
        raise ProtocolError("array payload does not match its shape and dtype")
    return np.frombuffer(data, dtype=np.dtype(dtype).newbyteorder("<")).reshape(shape).copy()


# ---- decoded values, as the judge sees them --------------------------------


@dataclass(frozen=True)
class TensorRecord:
    """Everything the judge knows about a tensor the probe produced."""

    shape: tuple[int, ...]
    dtype: str
    device: str
    requires_grad: bool
    is_leaf: bool
    grad_fn: str | None
    values: np.ndarray | None  # None for tensors on the meta device
    grad: TensorRecord | None
    kind: str = "tensor"  # "parameter" for nn.Parameter, "ndarray" for a NumPy array


@dataclass(frozen=True)
class ErrorRecord:
    """An exception raised while a case ran."""

    type: str
    bases: tuple[str, ...]  # names of the exception class and its bases
    message: str
    line: int | None  # line in the learner's file, when the error passed through it
    source: str | None  # that line's text
    offset: int | None  # column for syntax errors
    in_learner_code: bool

    def is_a(self, name: str) -> bool:
        return name in self.bases or name == self.type


@dataclass(frozen=True)
class OpaqueRecord:
    """A value of a type the probe does not send in full (a module, a generator...)."""

    type: str
    text: str


def decode_value(obj: Any) -> Any:
    """Turn a JSON value tree into plain Python and record objects; anything malformed is a ProtocolError."""
    try:
        return _decode(obj, 0)
    except ProtocolError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError, RecursionError, OverflowError) as exc:
        raise ProtocolError(f"malformed value ({type(exc).__name__})") from None


def safe_text(value: str, limit: int = 10_000) -> str:
    """Text from a probe made safe to print and to encode anywhere.

    Lone surrogates and control characters (ANSI escapes that move the cursor
    or erase the verdict, NUL, BEL) are shown escaped, as `\\x1b`; newlines
    and tabs stay. Every string that comes from a probe passes through here.
    """
    value = value[:limit]
    if value.isprintable() or all(ch.isprintable() or ch in "\n\t" for ch in value):
        return value
    return "".join(ch if ch.isprintable() or ch in "\n\t" else _escaped(ch) for ch in value)


def _escaped(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _decode(obj: Any, depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise ProtocolError("value nested too deeply")
    if obj is None or type(obj) in (bool, int, float):
        return obj
    if type(obj) is str:
        return safe_text(obj)
    if not isinstance(obj, dict) or not isinstance(obj.get("kind"), str):
        raise ProtocolError("value has no kind")
    kind = obj["kind"]
    if kind in ("list", "tuple"):
        items = [_decode(item, depth + 1) for item in _list(obj.get("items"))]
        return items if kind == "list" else tuple(items)
    if kind == "dict":
        items = obj.get("items")
        if not isinstance(items, dict):
            raise ProtocolError("dict value without items")
        return {safe_text(str(key), 200): _decode(value, depth + 1) for key, value in items.items()}
    if kind in ("tensor", "parameter"):
        return _decode_tensor(obj, depth)
    if kind == "error":
        return ErrorRecord(
            type=_str(obj.get("type")),
            bases=tuple(_str(n) for n in _list(obj.get("mro"))),
            message=_str(obj.get("message")),
            line=_opt_int(obj.get("line")),
            source=_opt_str(obj.get("source")),
            offset=_opt_int(obj.get("offset")),
            in_learner_code=bool(obj.get("in_learner_code")),
        )
    if kind == "opaque":
        return OpaqueRecord(_str(obj.get("type")), _str(obj.get("text")))
    if kind == "float":
        return NON_FINITE[_str(obj.get("name"))]  # KeyError: not a known name, a protocol error
    if kind == "ndarray":
        values = decode_array(obj.get("data"))
        return TensorRecord(shape=tuple(values.shape), dtype=values.dtype.name, device="numpy", requires_grad=False,
                            is_leaf=True, grad_fn=None, values=values, grad=None, kind="ndarray")
    raise ProtocolError(f"unknown value kind {kind!r}")


#: the floats JSON cannot carry, by the name the probe sends
NON_FINITE = {"nan": float("nan"), "inf": float("inf"), "-inf": float("-inf")}


def _decode_tensor(obj: dict[str, Any], depth: int) -> TensorRecord:
    shape = _list(obj.get("shape"))
    if not all(type(n) is int for n in shape):
        raise ProtocolError("tensor shape must be integers")
    values = decode_array(obj["data"]) if obj.get("data") is not None else None
    if values is not None and tuple(values.shape) != tuple(shape):
        raise ProtocolError("tensor data does not match its shape")
    grad = obj.get("grad")
    return TensorRecord(
        shape=tuple(shape),
        dtype=_str(obj.get("dtype")),
        device=_str(obj.get("device")),
        requires_grad=bool(obj.get("requires_grad")),
        is_leaf=bool(obj.get("is_leaf")),
        grad_fn=_opt_str(obj.get("grad_fn")),
        values=values,
        grad=_decode_tensor(grad, depth + 1) if isinstance(grad, dict) else None,
        kind="parameter" if obj["kind"] == "parameter" else "tensor",
    )


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise ProtocolError("expected a list")
    return value


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise ProtocolError("expected a string")
    return safe_text(value)


def _opt_str(value: Any) -> str | None:
    return None if value is None else _str(value)


def _opt_int(value: Any) -> int | None:
    if value is None:
        return None
    if type(value) is not int:
        raise ProtocolError("expected an integer")
    return value
