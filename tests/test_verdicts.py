"""Right verdicts for honest learners: the judge's rules decide from what the data shows.

Each explanation is tested with its own mistake and with a neighbouring one that must not
trigger it; registration order and library code that meta cannot run are no mistakes.
"""

from __future__ import annotations

import numpy as np
import pytest

from grader.compare import first_difference
from grader.suite import META_SKIPPED, Accepted, meta_or_skipped
from grader.wire import TensorRecord


def tensor(device: str = "cpu", values=None, shape=(3,), dtype="int64") -> TensorRecord:
    data = None if device == "meta" else (np.zeros(shape, dtype=dtype) if values is None else np.asarray(values))
    return TensorRecord(tuple(shape), dtype, device, False, True, None, data, None)


# ---- devices ---------------------------------------------------------------------------


def test_a_value_that_belongs_on_the_cpu_is_not_told_to_follow_the_input():
    found = first_difference(tensor("meta"), tensor("cpu"), atol=0, rtol=0)
    assert "should be on the CPU" in found.en and "device=x.device" not in found.en


def test_a_value_that_belongs_on_the_input_device_is_told_so():
    found = first_difference(tensor("cpu"), tensor("meta"), atol=0, rtol=0)
    assert "device=x.device" in found.en


def test_library_code_that_meta_cannot_run_is_accepted_with_a_note():
    got = {META_SKIPPED: "RuntimeError: Tensor.item() cannot be called on meta tensors"}
    verdict = meta_or_skipped(got, {"result": tensor("meta")})
    assert isinstance(verdict, Accepted) and "only a real GPU" in verdict.en


@pytest.mark.parametrize("reason", ["RuntimeError: Tensor on device cpu is not on the expected device meta!",
                                    "anything at all", 3])
def test_any_other_error_on_meta_is_not_accepted(reason):
    verdict = meta_or_skipped({META_SKIPPED: reason}, {"result": tensor("meta")})
    assert verdict is not None and not isinstance(verdict, Accepted)


def test_a_result_on_meta_is_still_compared():
    assert meta_or_skipped({"result": tensor("meta")}, {"result": tensor("meta")}) is None
    assert meta_or_skipped({"result": tensor("cpu")}, {"result": tensor("meta")}) is not None


# ---- parameters: registration order has no meaning ---------------------------------------


def _two_nets():
    from torch import nn

    class ConvFirst(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1, self.conv2, self.fc = nn.Conv2d(1, 10, 5), nn.Conv2d(10, 20, 5), nn.Linear(320, 10)

    class LinearFirst(nn.Module):
        def __init__(self):
            super().__init__()
            self.head = nn.Linear(320, 10)
            self.b, self.a = nn.Conv2d(10, 20, 5), nn.Conv2d(1, 10, 5)

    return ConvFirst(), LinearFirst()


def test_parameter_shapes_do_not_depend_on_registration_order_or_names():
    from grader.suite import parameter_summary

    first, second = _two_nets()
    assert parameter_summary(first)["shapes"] == parameter_summary(second)["shapes"]


def test_reference_weights_go_to_the_same_parameters_whatever_the_order():
    import torch

    from grader.suite import load_reference_weights

    first, second = _two_nets()
    load_reference_weights(first, seed=7)
    load_reference_weights(second, seed=7)
    for mine, theirs in ((first.conv1, second.a), (first.conv2, second.b), (first.fc, second.head)):
        assert torch.equal(mine.weight, theirs.weight) and torch.equal(mine.bias, theirs.bias)
    # same-shaped biases (conv1 and fc: (10,)) still get different values
    assert not torch.equal(first.conv1.bias, first.fc.bias)
