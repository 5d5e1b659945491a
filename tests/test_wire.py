"""The result channel: frames and arrays decode safely, malformed input is refused."""

from __future__ import annotations

import io
import json

import numpy as np
import pytest

from grader.wire import (
    HEADER,
    ErrorRecord,
    FrameReader,
    ProtocolError,
    TensorRecord,
    decode_array,
    decode_value,
    encode_array,
    write_frame,
)


def test_frames_round_trip_in_pieces():
    stream = io.BytesIO()
    write_frame(stream, {"kind": "case", "index": 0})
    write_frame(stream, {"kind": "done"})
    data = stream.getvalue()
    reader = FrameReader()
    frames = []
    for i in range(len(data)):
        frames += reader.feed(data[i : i + 1])
    assert frames == [{"kind": "case", "index": 0}, {"kind": "done"}]


def test_oversized_frame_is_refused():
    with pytest.raises(ProtocolError):
        FrameReader(max_frame=10).feed(HEADER.pack(11) + b"x" * 11)


def test_non_json_frame_is_refused():
    with pytest.raises(ProtocolError):
        FrameReader().feed(HEADER.pack(3) + b"\x80ab")


@pytest.mark.parametrize("array", [np.arange(6, dtype=np.int64).reshape(2, 3), np.float32(2.5) * np.ones(()),
                                   np.array([True, False]), np.zeros((0, 3), dtype=np.float64)])
def test_arrays_round_trip(array):
    back = decode_array(json.loads(json.dumps(encode_array(array))))
    assert back.dtype == array.dtype and back.shape == array.shape and np.array_equal(back, array)


def test_array_with_object_dtype_is_refused():
    with pytest.raises(ProtocolError):
        decode_array({"dtype": "object", "shape": [1], "b64": ""})


def test_array_payload_must_match_shape():
    good = encode_array(np.arange(4, dtype=np.int32))
    with pytest.raises(ProtocolError):
        decode_array({**good, "shape": [5]})


def test_decode_tensor_and_error():
    tensor = {"kind": "tensor", "shape": [2], "dtype": "float32", "device": "cpu", "requires_grad": True,
              "is_leaf": True, "grad_fn": None, "data": encode_array(np.ones(2, np.float32)), "grad": None}
    value = decode_value({"kind": "dict", "items": {"out": tensor}})
    assert isinstance(value["out"], TensorRecord) and value["out"].shape == (2,)
    error = decode_value({"kind": "error", "type": "ValueError", "mro": ["ValueError", "Exception"], "message": "m",
                          "line": 3, "source": "x", "offset": None, "in_learner_code": True})
    assert isinstance(error, ErrorRecord) and error.is_a("Exception")


@pytest.mark.parametrize("bad", [{"kind": "pickle", "data": "gAR9lC4="}, {"no": "kind"}, [1, 2],
                                 {"kind": "tensor", "shape": ["a"]},
                                 {"kind": "tensor", "shape": [1]}, {"kind": "dict", "items": [1]}])
def test_unknown_or_malformed_values_are_refused(bad):
    with pytest.raises(ProtocolError):
        decode_value(bad)
