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
from dataclasses import asdict, dataclass, field
from typing import Any, BinaryIO

import numpy as np

from grader.limits import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT

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

    def to_json(self) -> dict[str, Any]:
        """The record as the probe sends it (`decode_value` reads it back)."""
        return {
            "kind": "error",
            "type": self.type,
            "mro": list(self.bases),
            "message": self.message,
            "line": self.line,
            "source": self.source,
            "offset": self.offset,
            "in_learner_code": self.in_learner_code,
        }


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
        entries = obj.get("items")
        if not isinstance(entries, dict):
            raise ProtocolError("dict value without items")
        return {safe_text(str(key), 200): _decode(value, depth + 1) for key, value in entries.items()}
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


# ---- what the judge sends the probe ------------------------------------------------


@dataclass(frozen=True)
class Limits:
    """What one probe may use. Memory is RLIMIT_DATA, which leaves torch's import alone."""

    timeout: float = DEFAULT_TIMEOUT
    memory_mb: int = DEFAULT_MEMORY_MB
    file_mb: int = 64
    #: stdout + stderr a probe may write before it is stopped (8 KiB of each are kept)
    output_mb: int = 16
    threads: int = 1

    def for_probe(self) -> ProbeLimits:
        """The limits the probe sets on itself (the time limit is the parent's: learner code could ignore it)."""
        return ProbeLimits(memory_mb=self.memory_mb, cpu_seconds=int(self.timeout) + 5, file_mb=self.file_mb)


@dataclass(frozen=True)
class ProbeLimits:
    """The resource limits a probe applies to itself before it imports learner code."""

    memory_mb: int
    cpu_seconds: int
    file_mb: int


@dataclass(frozen=True)
class ProbeRequest:
    """Everything one probe is told: which check, which file, how it is confined, where it reports.

    The engine fills in the run's own fields (nonce, home, limits, the sandbox
    plan, the channel) just before the probe starts; a use case gives the rest.
    """

    check_module: str
    file: str
    #: modules imported before the learner's file (the check's `needs`)
    needs: tuple[str, ...] = ("torch",)
    #: whether learner code runs in this probe: every probe is confined but the reference solution's
    confined: bool = True
    #: the run's secret: a frame without it is not from this probe
    nonce: str = ""
    home: str = ""
    threads: int = 1
    limits: ProbeLimits | None = None
    #: the confinement plan the probe applies to itself (grader.sandbox.Plan.to_request), None if not confined
    sandbox: dict[str, Any] | None = None
    #: the result pipe of a probe started as its own interpreter (-1 under a warm worker, which passes it)
    channel_fd: int = -1
    #: what the warm worker did to confine itself before forking this probe, reported with the verdict
    worker_isolation: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["needs"] = list(self.needs)
        return data

    @classmethod
    def from_json(cls, data: Any) -> ProbeRequest:
        """The request as the probe reads it; a malformed one is a ProtocolError (a bug, never learner input)."""
        if not isinstance(data, dict) or not isinstance(data.get("check_module"), str):
            raise ProtocolError("a probe request must be an object naming its check module")
        try:
            limits = data.get("limits")
            return cls(**{
                **data,
                "needs": tuple(data.get("needs", ())),
                "limits": ProbeLimits(**limits) if isinstance(limits, dict) else None,
            })
        except TypeError as exc:
            raise ProtocolError(f"a malformed probe request: {exc}") from None


# ---- what the probe sends back: frames ---------------------------------------------


class FrameKind:
    """The frames of one probe, in the order it sends them."""

    #: the learner's file was imported: which required names it lacks, how the probe is confined
    IMPORTED = "imported"
    #: importing the learner's file raised (or rewrote what the checks use): no case runs
    IMPORT_ERROR = "import_error"
    #: one case's encoded answer
    CASE = "case"
    #: the last frame: everything was sent
    DONE = "done"

    ALL = (IMPORTED, IMPORT_ERROR, CASE, DONE)


@dataclass(frozen=True)
class Frame:
    """One message of the result channel, validated field by field when it arrives.

    `value` is a case's encoded answer, or the error record of an import error;
    the judge decodes it with `decode_value`. `seconds` is set by the parent's
    own clock when the frame arrives, whatever the probe claims.
    """

    kind: str
    index: int | None = None
    value: Any = None
    seconds: float = 0.0
    missing: tuple[str, ...] = ()
    isolation: dict[str, str] = field(default_factory=dict)
    #: the global torch settings a case left changed behind it
    leaked: tuple[str, ...] = ()

    @staticmethod
    def imported(missing: list[str], isolation: dict[str, str]) -> Frame:
        return Frame(FrameKind.IMPORTED, missing=tuple(missing), isolation=dict(isolation))

    @staticmethod
    def import_error(record: dict[str, Any]) -> Frame:
        return Frame(FrameKind.IMPORT_ERROR, value=record)

    @staticmethod
    def case(index: int, value: Any, leaked: list[str] | None = None) -> Frame:
        return Frame(FrameKind.CASE, index=index, value=value, leaked=tuple(leaked or ()))

    @staticmethod
    def done() -> Frame:
        return Frame(FrameKind.DONE)

    def to_json(self, nonce: str) -> dict[str, Any]:
        data: dict[str, Any] = {"nonce": nonce, "kind": self.kind}
        if self.kind == FrameKind.CASE:
            data.update(index=self.index, value=self.value)
            if self.leaked:
                data["leaked"] = list(self.leaked)
        elif self.kind == FrameKind.IMPORT_ERROR:
            data["error"] = self.value
        elif self.kind == FrameKind.IMPORTED:
            data.update(missing=list(self.missing), isolation=self.isolation)
        if self.seconds:
            data["seconds"] = self.seconds
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Frame:
        """A frame from its JSON object; anything malformed is a ProtocolError, nothing is taken on trust."""
        kind = data.get("kind")
        seconds = data.get("seconds", 0.0)
        seconds = float(seconds) if type(seconds) in (int, float) and math.isfinite(seconds) else 0.0
        if kind == FrameKind.CASE:
            index, leaked = data.get("index"), data.get("leaked", [])
            if type(index) is not int or "value" not in data:
                raise ProtocolError("a case frame without an index or a value")
            if not isinstance(leaked, list) or not all(isinstance(name, str) for name in leaked):
                raise ProtocolError("a case frame with a malformed list of leaked settings")
            return cls(kind, index=index, value=data["value"], seconds=seconds,
                       leaked=tuple(safe_text(name, 200) for name in leaked[:50]))
        if kind == FrameKind.IMPORT_ERROR:
            return cls(kind, value=data.get("error"), seconds=seconds)
        if kind == FrameKind.IMPORTED:
            missing, isolation = data.get("missing", []), data.get("isolation", {})
            if not isinstance(missing, list) or not all(isinstance(name, str) for name in missing):
                raise ProtocolError("an imported frame with a malformed list of missing names")
            if not isinstance(isolation, dict):
                raise ProtocolError("an imported frame with malformed isolation facts")
            facts = {safe_text(str(key), 100): safe_text(str(value), 500)
                     for key, value in list(isolation.items())[:50]}
            return cls(kind, missing=tuple(safe_text(name, 200) for name in missing[:200]), seconds=seconds,
                       isolation=facts)
        if kind == FrameKind.DONE:
            return cls(kind, seconds=seconds)
        raise ProtocolError(f"a frame of unknown kind {safe_text(str(kind), 40)!r}")


@dataclass
class ProbeRun:
    """What came back from one probe: its frames and how it ended."""

    frames: list[Frame] = field(default_factory=list)
    stdout: str = ""
    stderr: str = ""
    returncode: int | None = None
    timed_out: bool = False
    output_exceeded: bool = False
    protocol_error: str | None = None
    seconds: float = 0.0
    #: when the last frame arrived (the judge's monotonic clock), for per-frame durations
    clock: float = 0.0

    @property
    def finished(self) -> bool:
        return any(frame.kind == FrameKind.DONE for frame in self.frames)

    def frame(self, kind: str) -> Frame | None:
        return next((f for f in self.frames if f.kind == kind), None)

    def case_frames(self) -> dict[int, Frame]:
        if self.protocol_error:
            return {}  # something wrote to the channel besides the probe: nothing on it counts
        cases: dict[int, Frame] = {}
        for frame in self.frames:
            if frame.kind == FrameKind.CASE and frame.index is not None:
                cases.setdefault(frame.index, frame)
        return cases
