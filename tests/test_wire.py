"""The result channel: frames and arrays decode safely, malformed input is refused."""

from __future__ import annotations

import io
import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grader.wire import (
    HEADER,
    ErrorRecord,
    FrameReader,
    ProtocolError,
    TensorRecord,
    decode_array,
    decode_value,
    encode_array,
    parse_frame,
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


# ---- hostile bytes on the channel: only ProtocolError, never a crash of the judge -------------


def test_deeply_nested_json_is_a_protocol_error_not_a_recursion_error():
    body = b"[" * 200_000
    with pytest.raises(ProtocolError):
        FrameReader().feed(HEADER.pack(len(body)) + body)


def test_numbers_json_cannot_hold_are_protocol_errors():
    with pytest.raises(ProtocolError):
        parse_frame(b'{"index": ' + b"9" * 5000 + b"}")


def test_a_flood_of_frames_is_refused():
    frame = HEADER.pack(2) + b"{}"
    with pytest.raises(ProtocolError):
        FrameReader(max_frames=10).feed(frame * 11)
    with pytest.raises(ProtocolError):
        FrameReader(max_total=100).feed(frame * 30)


@pytest.mark.parametrize("shape", [[2**70], [2**40, 2**40], [-1], [1.5], [True]])
def test_array_shapes_that_do_not_add_up_are_refused(shape):
    with pytest.raises(ProtocolError):
        decode_value({"kind": "tensor", "shape": shape, "dtype": "float32", "device": "cpu",
                      "data": {"dtype": "float32", "shape": shape, "b64": ""}})


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300), st.integers(min_value=1, max_value=64))
def test_any_bytes_on_the_channel_give_frames_or_a_protocol_error(data, step):
    reader = FrameReader(max_frame=1 << 16)
    try:
        for start in range(0, len(data), step):
            for frame in reader.feed(data[start : start + step]):
                assert isinstance(frame, dict)
    except ProtocolError:
        pass


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(
        ["kind", "items", "shape", "dtype", "data", "b64", "type", "mro", "message", "line", "grad", "device"]
    ) | st.text(max_size=4), inner, max_size=5),
    max_leaves=25,
)
KINDS = st.sampled_from(["list", "tuple", "dict", "tensor", "parameter", "error", "opaque", "pickle"])


@settings(max_examples=400, deadline=None)
@given(JSON, KINDS)
def test_any_json_value_decodes_or_is_a_protocol_error(value, kind):
    for candidate in (value, {**value, "kind": kind} if isinstance(value, dict) else value):
        try:
            decode_value(candidate)
        except ProtocolError:
            pass


def test_non_finite_floats_and_arrays_travel_as_values():
    import math

    from grader.judge.compare import first_difference

    assert math.isnan(decode_value({"kind": "float", "name": "nan"}))
    assert decode_value({"kind": "float", "name": "-inf"}) == float("-inf")
    with pytest.raises(ProtocolError):
        decode_value({"kind": "float", "name": "1e999"})
    array = decode_value({"kind": "ndarray", "data": encode_array(np.arange(3, dtype=np.int64))})
    assert array.kind == "ndarray" and array.shape == (3,)
    tensor = TensorRecord((3,), "int64", "cpu", False, True, None, np.arange(3), None)
    assert "NumPy array" in first_difference(array, tensor, atol=0, rtol=0).en
    assert "tensor.numpy()" in first_difference(tensor, array, atol=0, rtol=0).en
    assert first_difference(float("nan"), float("nan"), atol=0, rtol=0) is None
    assert "expected 1.0, got inf" in first_difference(float("inf"), 1.0, atol=0, rtol=0).en
