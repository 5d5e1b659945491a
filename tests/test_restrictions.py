"""Exercises done by hand refuse the library function they reimplement, found in the source by the judge."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import grader.usecases.check
from grader.checks import activations, conv2d_manual, loss_functions, maxpool_manual
from grader.course.catalog import load_catalog
from grader.judge.restrictions import explain, find_violations
from grader.usecases.check import grade_file
from tests.helpers import ROOT, failure_text

CATALOG = load_catalog(ROOT / "exercises" / "info.toml")
ORACLES = sorted((Path(__file__).parent / "library_oracles").glob("*/*.py"))
REFUSED = "asks you to write yourself"

CONV = tuple(conv2d_manual.suite.restrictions)
SIGNATURE = "def conv2d(input, kernel, stride=1, padding=0):\n"

# Every way of reaching F.conv2d that the judge follows.
ALIASING_FORMS = {
    "module alias": "import torch.nn.functional as F\n" + SIGNATURE + "    return F.conv2d(input, kernel)\n",
    "full path": "import torch\n" + SIGNATURE + "    return torch.nn.functional.conv2d(input, kernel)\n",
    "from-import with alias": "from torch.nn.functional import conv2d as c\n" + SIGNATURE
    + "    return c(input, kernel)\n",
    "torch.conv2d": "import torch\n" + SIGNATURE + "    return torch.conv2d(input, kernel)\n",
    "from torch import nn": "from torch import nn\n" + SIGNATURE + "    return nn.functional.conv2d(input, kernel)\n",
    "nn.Conv2d": "import torch.nn as nn\n" + SIGNATURE
    + "    layer = nn.Conv2d(1, 1, 3, bias=False)\n    return layer(input)\n",
    "getattr": "import torch.nn.functional as F\n" + SIGNATURE + "    return getattr(F, 'conv2d')(input, kernel)\n",
    "getattr with default": "import torch\n" + SIGNATURE + "    return getattr(torch, 'conv2d', None)(input, kernel)\n",
    "assigned alias": "import torch\nG = torch.nn.functional\nop = G.conv2d\n" + SIGNATURE
    + "    return op(input, kernel)\n",
    "import inside the function": SIGNATURE
    + "    from torch.nn.functional import conv2d as c\n    return c(input, kernel)\n",
    "star import": "from torch.nn.functional import *\n" + SIGNATURE + "    return conv_transpose2d(input, kernel)\n",
    "importlib": "import importlib\n" + SIGNATURE
    + "    return importlib.import_module('torch.nn.functional').conv2d(input, kernel)\n",
    "__import__": SIGNATURE + "    return __import__('torch').conv2d(input, kernel)\n",
    "vars": "import torch.nn.functional as F\n" + SIGNATURE + "    return vars(F)['conv2d'](input, kernel)\n",
    "__dict__": "import torch\n" + SIGNATURE + "    return torch.__dict__['conv2d'](input, kernel)\n",
    "aten op": "import torch\n" + SIGNATURE
    + "    return torch.ops.aten.convolution(input, kernel, None, [1, 1], [0, 0], [1, 1], False, [0, 0], 1)\n",
}

# Neighbours: code that looks close but uses only what the statement allows.
ALLOWED = {
    "F.pad and unfold": "import torch.nn.functional as F\nimport torch\n" + SIGNATURE
    + "    x = F.pad(input, (padding,) * 4)\n    w = x.unfold(2, 3, stride).unfold(3, 3, stride)\n"
    "    return torch.einsum('nchwab,ocab->nohw', w, kernel)\n",
    "own helper named like the library": "import torch\ndef conv2d_single(x, k):\n    return (x * k).sum()\n"
    + SIGNATURE + "    return conv2d_single(input, kernel)\n",
    "a variable called conv2d": "import torch\n" + SIGNATURE + "    conv2d = input * 2\n    return conv2d\n",
    "the word in a string": "import torch\n" + SIGNATURE + "    name = 'F.conv2d'\n    return input\n",
    "an experiment at the top of the file": "import torch\nimport torch.nn.functional as F\n"
    "print(F.conv2d(torch.ones(1, 1, 5, 5), torch.ones(1, 1, 3, 3)))\n" + SIGNATURE + "    return input\n",
}


@pytest.mark.parametrize("form", sorted(ALIASING_FORMS))
def test_each_aliasing_form_is_found(form):
    found = find_violations(ALIASING_FORMS[form], CONV)
    assert found, form
    assert all(v.line > 0 for v in found)


@pytest.mark.parametrize("form", sorted(ALLOWED))
def test_allowed_neighbours_are_not_refused(form):
    assert find_violations(ALLOWED[form], CONV) == []


def test_tensor_methods_are_found_on_any_value_but_not_on_modules():
    rules = tuple(activations.suite.restrictions)
    source = "import torch\ndef relu(x):\n    return x.relu()\ndef tanh(x):\n    return (2 * x).tanh()\n"
    assert [(v.line, v.resolved) for v in find_violations(source, rules)] == [
        (3, "torch.Tensor.relu"), (5, "torch.Tensor.tanh")]
    allowed = "import torch\ndef relu(x):\n    return torch.where(x > 0, x, x.new_zeros(()))\n"
    assert find_violations(allowed, rules) == []


def test_a_scoped_restriction_follows_helpers_and_spares_other_functions():
    rules = tuple(loss_functions.suite.restrictions)
    source = textwrap.dedent("""\
        import torch.nn.functional as F
        from torch import nn

        def _picked(logits, target):
            return F.nll_loss(logits.log_softmax(1), target)

        def cross_entropy(logits, target):
            return _picked(logits, target)

        def loss_for_batch(model, images, labels):
            return nn.CrossEntropyLoss()(model(images), labels.reshape(-1).long())
        """)
    found = {(v.line, v.resolved) for v in find_violations(source, rules)}
    assert found == {(5, "torch.nn.functional.nll_loss"), (5, "torch.Tensor.log_softmax")}


def test_a_module_level_rebinding_of_the_public_name_is_found():
    rules = tuple(loss_functions.suite.restrictions)
    source = "import torch.nn.functional as F\ncross_entropy = F.cross_entropy\n"
    assert [v.line for v in find_violations(source, rules)] == [2]


def test_source_that_does_not_parse_is_left_to_the_probe():
    assert find_violations("def conv2d(:\n", CONV) == []


def test_the_explanation_says_where_what_and_why_in_both_languages():
    message = explain(find_violations(ALIASING_FORMS["module alias"], CONV))
    assert "line 3" in message.en and "F.conv2d" in message.en and "F.pad is allowed" in message.en
    assert "第 3 行" in message.zh and "F.conv2d" in message.zh and "可以用 F.pad" in message.zh


@pytest.mark.parametrize("suite", [conv2d_manual.suite, maxpool_manual.suite, activations.suite, loss_functions.suite],
                         ids=lambda s: s.exercise)
def test_reference_solution_uses_nothing_forbidden(suite, workspace):
    solution = workspace.solution_path(CATALOG.get(suite.exercise))
    assert find_violations(solution.read_text(encoding="utf-8"), tuple(suite.restrictions)) == []


@pytest.mark.parametrize("form", sorted(ALIASING_FORMS))
def test_graded_submission_fails_with_one_message(form, grade_source):
    result = grade_source("conv2d_manual", ALIASING_FORMS[form])
    assert not result.passed and result.score == 0
    assert REFUSED in result.message.en
    assert {case.message for case in result.cases} == {result.message}


@pytest.mark.parametrize("path", ORACLES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_library_answer_is_refused(path, workspace):
    exercise = CATALOG.get(path.parent.name)
    result = grade_file(exercise, path, workspace.solution_path(exercise))
    assert not result.passed
    assert "本题要求你亲手实现的库函数" in result.message.zh


@pytest.mark.parametrize("path", ORACLES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_library_answer_agrees_with_the_reference_once_allowed(path, workspace, monkeypatch):
    """PyTorch's own functions are an oracle nobody here wrote: with the restriction lifted they pass."""
    monkeypatch.setattr(grader.usecases.check, "file_violations", lambda *args: [])
    exercise = CATALOG.get(path.parent.name)
    result = grade_file(exercise, path, workspace.solution_path(exercise))
    assert result.passed, failure_text(result)
