"""An explanation names the learner's mistake, not its neighbour's.

Each mutant in tests/mutants is graded; its failure text must carry its own explanation (test_course)
and must NOT carry the explanation of a neighbouring mistake, which a rule tried too early or with an
unverified premise would give.
"""

from __future__ import annotations

import pytest

from grader.course.catalog import load_catalog
from grader.usecases.check import grade_file
from tests.helpers import MUTANTS, ROOT, failure_text

CATALOG = load_catalog(ROOT / "exercises" / "info.toml")

# mutant -> sentences of neighbouring rules it must not get
NEIGHBOURS = {
    "conv_output_size/dilation_times_kernel": ["You forgot the +1"],
    "conv_output_size/forgot_plus_one": ["not dilation * kernel_size", "Dilation is ignored"],
    "pool_output_size/strict_last_window": ["With ceil_mode, PyTorch drops a last window", "ceil_mode is ignored"],
    "pool_output_size/no_last_window_rule": ["strictly beyond"],
    "optimizer_comparison/rmsprop_momentum": ["Sizes are whole numbers", "use // (floor division)"],
    "optimizer_comparison/adam_default_betas": ["not momentum"],
    "cifar_sequential/forward_typo": ["check the type and shape of your return value"],
    "linear_regression/update_outside_no_grad": ["binds the name to a new tensor", "A .grad was still None"],
    "linear_regression/gradients_not_cleared": ["A .grad was still None", "binds the name to a new tensor"],
    "linear_regression/zero_grad_before_first_backward": ["binds the name to a new tensor"],
    "activations/threshold_softplus": ["log(1 + exp(x)) is log(inf) = inf"],
    "activations/naive_softplus": ["Your softplus values are right"],
}


@pytest.mark.parametrize("mutant", sorted(NEIGHBOURS))
def test_neighbouring_rule_does_not_fire(mutant, workspace):
    path = MUTANTS / f"{mutant}.py"
    exercise = CATALOG.get(path.parent.name)
    text = failure_text(grade_file(exercise, path, workspace.solution_path(exercise)))
    for sentence in NEIGHBOURS[mutant]:
        assert sentence not in text, text


INPLACE_ACTIVATION = """
    import torch


    def relu(x):
        return x.clamp_(min=0)


    def sigmoid(x):
        z = torch.exp(-torch.where(x >= 0, x, -x))
        return torch.where(x >= 0, 1 / (1 + z), z / (1 + z))


    def tanh(x):
        e = torch.exp(-2 * torch.where(x >= 0, x, -x))
        return torch.where(x >= 0, (1 - e) / (1 + e), (e - 1) / (1 + e))


    def softplus(x):
        return torch.where(x > 0, x, torch.zeros_like(x)) + torch.log1p(torch.exp(-torch.where(x >= 0, x, -x)))
"""


def test_inplace_activation_on_a_leaf_is_not_told_to_use_no_grad(grade_source):
    """nn.ReLU(inplace=True) / clamp_ inside a computation: no_grad would cut the gradient it needs."""
    text = failure_text(grade_source("activations", INPLACE_ACTIVATION))
    assert "Do not switch autograd off here" in text, text
    assert "Do it under torch.no_grad()" not in text, text
