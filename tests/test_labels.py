"""The places a verdict names read naturally in both languages.

A case function returns named evidence ({"batch shapes": ..., "loss": ...}); when a value differs,
the judge names the place with those keys and positions (grader/judge/compare.py `place`). Every key
a check module returns needs its Chinese in grader/text/messages/labels.py, or a Chinese sentence
would carry an English label.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import numpy as np
import pytest

from grader.judge.compare import RESULT, first_difference, place
from grader.text.messages import LABELS_ZH
from grader.wire import TensorRecord

CHECKS = Path(__file__).resolve().parent.parent / "grader" / "checks"


def _functions(tree: ast.AST) -> dict[str, ast.FunctionDef]:
    return {node.name: node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}


def _string_constants(tree: ast.Module) -> dict[str, str]:
    """Module-level NAME = "text": a key written as a constant (BROADCAST_KEY) is read through it."""
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            found.update({target.id: node.value.value for target in node.targets if isinstance(target, ast.Name)})
    return found


def _is_case(decorator: ast.expr) -> bool:
    function = decorator.func if isinstance(decorator, ast.Call) else decorator
    return isinstance(function, ast.Attribute) and function.attr == "case"


def returned_keys(path: Path) -> set[str]:
    """The string keys of the dicts a check module's cases return, as far as the source says them plainly.

    Followed: `@suite.case` functions; the functions of the module and of grader/checks/helpers.py that
    they return the result of; functions and lambdas given to `facts(...)` (their dicts are compared too).
    Read in what they return: dict literals (at any depth), and `name["key"] = ...` into a returned name.
    Keys computed at run time (f-strings, loop variables, comprehensions) are not seen: those are code or
    data (`model.conv1`, class names), which a message shows as they are.
    """
    helpers = ast.parse((CHECKS / "helpers.py").read_text(encoding="utf-8"))
    tree = ast.parse(path.read_text(encoding="utf-8"))
    functions = {**_functions(helpers), **_functions(tree)}
    constants = {**_string_constants(helpers), **_string_constants(tree)}
    todo: list[ast.FunctionDef | ast.Lambda] = [
        f for f in _functions(tree).values() if any(_is_case(d) for d in f.decorator_list)
    ]
    for call in ast.walk(tree):
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "facts" and call.args:
            derive = call.args[0]
            if isinstance(derive, ast.Lambda):
                todo.append(derive)
            elif isinstance(derive, ast.Name) and derive.id in functions:
                todo.append(functions[derive.id])
    keys: set[str] = set()

    def key(node: ast.expr | None) -> None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            keys.add(node.value)
        elif isinstance(node, ast.Name) and node.id in constants:
            keys.add(constants[node.id])

    seen: set[int] = set()
    while todo:
        function = todo.pop()
        if id(function) in seen:
            continue
        seen.add(id(function))
        if isinstance(function, ast.Lambda):
            returned = [function.body]
        else:
            returned = [node.value for node in ast.walk(function) if isinstance(node, ast.Return) and node.value]
        names = {value.id for value in returned if isinstance(value, ast.Name)}
        for node in ast.walk(function):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name) and target.id in names:
                        returned.append(node.value)
                    if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name) \
                            and target.value.id in names:
                        key(target.slice)
        for value in returned:
            for node in ast.walk(value):
                if isinstance(node, ast.Dict):
                    for k in node.keys:
                        key(k)
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in functions:
                    todo.append(functions[node.func.id])
    return keys


MODULES = sorted(p for p in CHECKS.glob("*.py") if not p.name.startswith("_"))


def test_the_scan_finds_the_keys_it_is_meant_to():
    """The scan reads case results, helpers they return, facts(...) and constants: one key of each."""
    assert "batch shapes" in returned_keys(CHECKS / "custom_dataset.py")  # a case's dict literal
    assert "what softmax before the loss gives" in returned_keys(CHECKS / "loss_functions.py")  # a constant
    assert "has an nn.Conv2d layer" in returned_keys(CHECKS / "digits_cnn.py")  # a facts(lambda ...)
    assert "split" in returned_keys(CHECKS / "early_stopping.py")


def test_every_returned_key_has_a_chinese_label():
    missing = {path.name: sorted(returned_keys(path) - set(LABELS_ZH)) for path in MODULES}
    missing = {name: keys for name, keys in missing.items() if keys}
    assert not missing, f"add these keys to LABELS_ZH in grader/text/messages/labels.py: {missing}"


def test_labels_translate_descriptions_and_keep_code():
    """A Chinese label is Chinese unless the key is code (an identifier or expression), kept as it is."""
    code = re.compile(r"^[\w.()\[\]@*=,' -]+$")
    for key, label in LABELS_ZH.items():
        assert label.strip() == label and label, key
        if label == key:
            assert code.match(key) and not re.search(r"\b(the|of|after|is a|every|per)\b", key), \
                f"{key!r} is a description: translate it"


def _tensor(values: list[float]) -> TensorRecord:
    array = np.array(values, dtype=np.float32)
    return TensorRecord(kind="tensor", shape=array.shape, dtype="float32", device="cpu", requires_grad=False,
                        is_leaf=True, grad_fn=None, grad=None, values=array)


def test_a_nested_difference_reads_as_designed_in_english():
    expected = {"batch shapes": [[[4, 3], [4]], [[2, 3], [2]]], "loss": [1.0, 2.0]}
    got = {"batch shapes": [[[4, 3], [4]], [[2, 5], [2]]], "loss": [1.0, 2.0]}
    found = first_difference(got, expected, atol=0, rtol=0)
    assert found is not None
    assert found.en == "batch shapes, 2nd item, 1st item, dim 1: expected 3, got 5."
    assert found.zh == "批次形状，第 2 项，第 1 项，第 1 维：期望 3，实际得到 5。"


def test_a_nested_tensor_difference_in_chinese_has_no_english_label():
    key = "your tensor after array[1] = 7.0 (shared memory shows the change)"
    expected = {key: [_tensor([1.0, 7.0, 3.0])]}
    got = {key: [_tensor([1.0, 2.0, 3.0])]}
    found = first_difference(got, expected, atol=1e-6, rtol=1e-6)
    assert found is not None
    assert found.en.startswith(f"{key}, 1st item: 1 of 3 values differ")
    assert found.zh.startswith("array[1] = 7.0 之后你的张量（共享内存会反映这次修改），第 1 项：3 个值中有 1 个不同")
    assert "your tensor" not in found.zh and "item" not in found.zh


def test_positions_count_from_one_and_dimensions_from_zero():
    assert place(()) is RESULT
    where = place((("item", 1),))
    assert (where.en, where.zh) == ("your result, 2nd item", "你的结果，第 2 项")
    where = place((("key", "output shape"), ("dim", 0)))
    assert (where.en, where.zh) == ("output shape, dim 0", "输出形状，第 0 维")
    ordinals = [place((("key", "x"), ("item", i))).en.split(", ")[1] for i in (0, 1, 2, 3, 10, 11, 12, 20, 21, 101)]
    assert ordinals == ["1st item", "2nd item", "3rd item", "4th item", "11th item", "12th item", "13th item",
                        "21st item", "22nd item", "102nd item"]


@pytest.mark.parametrize(("got", "expected", "en"), [
    ([1, 2], [1, 3], "your result, 2nd item: expected 3, got 2."),
    ({"output shape": [2, 4]}, {"output shape": [2, 3]}, "output shape, dim 1: expected 3, got 4."),
    ({"batch sizes": [4, 2]}, {"batch sizes": [4, 4]}, "batch sizes, 2nd item: expected 4, got 2."),
    ({"shapes": [[3, 4]]}, {"shapes": [[3, 4, 1]]},
     "shapes, 1st item: expected shape (3, 4, 1) (3 dimensions), got (3, 4) (2 dimensions)."),
    ({"a": {"b": 1}}, {"a": {"b": 2}}, "a, b: expected 2, got 1."),
])
def test_places(got, expected, en):
    found = first_difference(got, expected, atol=0, rtol=0)
    assert found is not None and found.en == en


def test_a_key_without_a_label_shows_as_it_is():
    found = first_difference({"len(losses)": 3, "new key": 1}, {"len(losses)": 3, "new key": 2}, atol=0, rtol=0)
    assert found is not None and found.zh == "new key：期望 2，实际得到 1。"
    found = first_difference(2, 3, atol=0, rtol=0, path="exact")
    assert found is not None and (found.en, found.zh) == ("exact: expected 3, got 2.", "精确值：期望 3，实际得到 2。")
