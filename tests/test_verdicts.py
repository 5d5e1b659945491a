"""Right verdicts for honest learners: the judge's rules decide from what the data shows.

Each explanation is tested with its own mistake and with a neighbouring one that must not
trigger it; registration order and library code that meta cannot run are no mistakes.
"""

from __future__ import annotations

import numpy as np
import pytest

from grader.checks.helpers import META_SKIPPED, meta_or_skipped
from grader.judge.compare import first_difference
from grader.suite import Accepted
from grader.wire import ErrorRecord, TensorRecord


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
    verdict = meta_or_skipped({"result": tensor("cpu")}, {"result": tensor("meta")})
    assert not isinstance(verdict, Accepted) and "should be on device meta, but is on cpu" in verdict.en


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
    from grader.checks.helpers import parameter_summary

    first, second = _two_nets()
    assert parameter_summary(first)["shapes"] == parameter_summary(second)["shapes"]


def test_reference_weights_go_to_the_same_parameters_whatever_the_order():
    import torch

    from grader.checks.helpers import load_reference_weights

    first, second = _two_nets()
    load_reference_weights(first, seed=7)
    load_reference_weights(second, seed=7)
    for mine, theirs in ((first.conv1, second.a), (first.conv2, second.b), (first.fc, second.head)):
        assert torch.equal(mine.weight, theirs.weight) and torch.equal(mine.bias, theirs.bias)
    # same-shaped biases (conv1 and fc: (10,)) still get different values
    assert not torch.equal(first.conv1.bias, first.fc.bias)


# ---- matmul errors: the advice that the learner's own line verifies -----------------------


def matmul_error(numbers: str, source: str) -> ErrorRecord:
    from grader.wire import ErrorRecord

    message = f"mat1 and mat2 shapes cannot be multiplied ({numbers})"
    return ErrorRecord("RuntimeError", ("RuntimeError", "Exception"), message, 12, source, None, True)


def advice_key(error) -> str:
    from grader.judge.explain import RULES

    return next(rule.key for rule in RULES if rule.matches(error))


def test_a_hard_coded_batch_size_is_named_not_a_new_linear_layer():
    error = matmul_error("64x20 and 320x10", "return self.fc(x.view(64, -1))")
    assert advice_key(error) == "explain_fixed_rows"
    from grader.judge.explain import advise

    assert "nn.Linear(" not in advise(error).en and "x.view(x.size(0), -1)" in advise(error).en


def test_a_reshape_with_the_batch_kept_is_not_called_hard_coded():
    # neighbour: the same numbers, but the reshape keeps the batch: in_features is what is wrong
    error = matmul_error("4x1024 and 2048x64", "return self.fc(x.view(x.size(0), -1))")
    assert advice_key(error) == "explain_matmul_shapes"


def test_a_fixed_reshape_whose_numbers_do_not_fill_rows_is_not_called_hard_coded():
    error = matmul_error("64x21 and 320x10", "return self.fc(x.view(64, -1))")
    assert advice_key(error) != "explain_fixed_rows"


def test_the_learners_own_product_is_explained_as_a_product():
    from grader.judge.explain import advise

    error = matmul_error("3x5 and 4x5", "return self.weight @ x + self.bias")
    assert advice_key(error) == "explain_own_matmul"
    assert "nn.Linear(5, 5)" not in advise(error).en and "(3, 5)" in advise(error).en


def test_a_layer_call_keeps_the_linear_advice():
    error = matmul_error("4x1024 and 2048x64", "return self.classifier(x)")
    assert advice_key(error) == "explain_matmul_shapes"


# ---- explanations of check modules: their premise, and a neighbour that must not trigger them --


def type_error(message: str) -> ErrorRecord:
    from grader.wire import ErrorRecord

    return ErrorRecord("TypeError", ("TypeError", "Exception"), message, None, None, None, False)


def test_an_uncalled_transform_is_named():
    from grader.checks.image_folder import uncalled_transform

    named = uncalled_transform(type_error("image_transform() missing 1 required positional argument: 'std'"), None)
    assert named and "passed the function itself" in named.en


@pytest.mark.parametrize("message", [
    "make_dataset() missing 2 required positional arguments: 'mean' and 'std'",  # a def line without defaults
    "image_transform() takes 1 positional argument but 2 were given",  # a def line with too few parameters
    "image_transform() missing 2 required positional arguments: 'mean' and 'std'",
])
def test_other_signature_mistakes_are_not_called_an_uncalled_transform(message):
    from grader.checks.image_folder import uncalled_transform

    assert uncalled_transform(type_error(message), None) is None


def dtype_record(dtype: str) -> TensorRecord:
    return tensor(dtype=dtype, values=np.zeros(3, dtype=dtype))


def test_int32_labels_are_not_said_to_have_arrived_as_int32():
    from grader.checks.numpy_bridge import data_dtypes

    named = data_dtypes({"labels": dtype_record("int32")}, {"labels": dtype_record("int64")})
    assert named and "arrived" not in named.en and "int32" in named.en


def test_the_strictly_greater_slip_is_named_only_for_the_values_it_gives():
    from grader.checks.tensor_indexing import kept_equal_values

    def values(*numbers):
        return tensor(values=np.array(numbers, dtype=np.int64), shape=(len(numbers),))

    assert kept_equal_values(values(2, 3, 2, 5, 2), values(3, 5))
    assert kept_equal_values(values(1, 2, 2, 2), values(3, 5)) is None  # <= instead of >: another mistake
    assert kept_equal_values(values(3, 5, 5), values(3, 5)) is None


def test_max_values_are_named_only_when_they_are_the_row_maxima():
    from grader.checks.reduce_and_broadcast import SMALL_SCORES, max_values_not_indices

    expected = tensor(values=np.array([1, 0, 2, 0]), shape=(4,))
    maxima = np.array([max(row) for row in SMALL_SCORES], dtype=np.float32)
    assert max_values_not_indices(tensor(values=maxima, shape=(4,), dtype="float32"), expected)
    # neighbour: the right positions as floats (argmax(...).float()) are a dtype slip, not the values
    positions = np.array([1, 0, 2, 0], dtype=np.float32)
    assert max_values_not_indices(tensor(values=positions, shape=(4,), dtype="float32"), expected) is None
    # neighbour: int64 results are never the values
    assert max_values_not_indices(tensor(values=np.array([2, 1, 0, 3]), shape=(4,)), expected) is None


def test_positions_in_a_float_dtype_are_not_called_max_values_on_random_scores():
    from grader.checks.reduce_and_broadcast import max_values_not_indices

    expected = tensor(values=np.arange(64) % 10, shape=(64,))
    as_floats = tensor(values=(np.arange(64) % 10).astype(np.float32), shape=(64,), dtype="float32")
    assert max_values_not_indices(as_floats, expected) is None
    values = tensor(values=np.linspace(0.3, 2.9, 64, dtype=np.float32), shape=(64,), dtype="float32")
    assert max_values_not_indices(values, expected)


def test_moving_a_result_off_meta_is_not_skipped_as_a_library_limit():
    got = {META_SKIPPED: "NotImplementedError: Cannot copy out of meta tensor; no data!"}
    verdict = meta_or_skipped(got, {"result": tensor("meta")})
    assert verdict is not None and not isinstance(verdict, Accepted)


# ---- "(same problem as above)" carries no hint of its own ---------------------------------


def test_a_repeated_problem_is_not_followed_by_an_unrelated_hint():
    from rich.console import Console

    from grader.render.terminal import exercise_result
    from grader.results import FAILED, CaseResult, ExerciseResult

    cases = (CaseResult("first", False, 0.0, 1.0, "Your code raised ValueError: boom", "hint about the first"),
             CaseResult("second", False, 0.0, 1.0, "Your code raised ValueError: boom", "hint about dtypes"),
             CaseResult("third", False, 0.0, 1.0, "another problem", "hint about the third"))
    console = Console(record=True, width=100)
    console.print(exercise_result(ExerciseResult("x", FAILED, cases), "en"))
    shown = console.export_text()
    assert "hint about the first" in shown and "hint about the third" in shown
    assert "hint about dtypes" not in shown


# ---- dtype pairs: the fix goes in the direction the message shows --------------------------


def runtime_error(message: str):
    from grader.wire import ErrorRecord

    return ErrorRecord("RuntimeError", ("RuntimeError", "Exception"), message, 9, "out = features(dummy)", None, True)


@pytest.mark.parametrize("message", ["Input type (float) and bias type (double) should be the same",
                                     "mat1 and mat2 must have the same dtype, but got Float and Double"])
def test_float32_data_for_a_float64_model_is_not_told_to_use_float(message):
    from grader.judge.explain import advise

    advice = advise(runtime_error(message))
    assert "model's dtype" in advice.en and ".float()" not in advice.en


@pytest.mark.parametrize("message", ["Input type (double) and bias type (float) should be the same",
                                     "mat1 and mat2 must have the same dtype, but got Double and Float"])
def test_float64_data_for_a_float32_model_keeps_the_float_advice(message):
    from grader.judge.explain import advise

    assert ".float()" in advise(runtime_error(message)).en
