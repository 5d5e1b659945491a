"""No check module decides anything next to learner code.

Case functions run in the learner's probe, which learner code owns: a
threshold, a statistic or a comparison computed there can be rewritten. So a
case function (and every helper of its module that it calls) may only
collect raw evidence; `rule=` and `diagnose=` functions, which run in the
judge, do the deciding. This test reads the check modules' source and
refuses ordering and equality comparisons and the calls that reduce values
to a verdict (`allclose`, `isclose`, `equal`, `.all()`, `.any()`, `bool()`)
anywhere in what a case returns.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from grader.checks import AUTHORING_MODULES

CHECKS = Path(__file__).resolve().parent.parent / "grader" / "checks"
DECIDING_CALLS = {"allclose", "isclose", "equal", "all", "any", "bool", "array_equal"}
DECIDING_COMPARISONS = (ast.Lt, ast.Gt, ast.LtE, ast.GtE, ast.Eq, ast.NotEq)


def case_functions(tree: ast.Module) -> list[ast.FunctionDef]:
    """Functions decorated with `@suite.case(...)`."""
    found = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            for decorator in node.decorator_list:
                call = decorator.func if isinstance(decorator, ast.Call) else decorator
                if isinstance(call, ast.Attribute) and call.attr == "case":
                    found.append(node)
    return found


def returned_expressions(function: ast.FunctionDef) -> list[ast.expr]:
    """What a case function returns (nested functions excluded: they may be models or datasets)."""
    values = []
    for node in ast.walk(function):
        if isinstance(node, ast.Return) and node.value is not None:
            values.append(node.value)
    return values


def deciding_nodes(expression: ast.expr) -> list[str]:
    """Comparisons and reducing calls inside a returned expression, outside comprehension filters."""
    found = []
    filters = {id(cond) for comp in ast.walk(expression) if isinstance(comp, ast.comprehension) for cond in comp.ifs}
    for node in ast.walk(expression):
        if id(node) in filters:
            continue
        if isinstance(node, ast.Compare) and any(isinstance(op, DECIDING_COMPARISONS) for op in node.ops):
            found.append(f"line {node.lineno}: comparison {ast.unparse(node)[:80]}")
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in DECIDING_CALLS:
                found.append(f"line {node.lineno}: call {ast.unparse(node)[:80]}")
        if isinstance(node, ast.IfExp):  # `a if cond else b` decides too
            found.extend(deciding_nodes(node.test) and [f"line {node.lineno}: conditional {ast.unparse(node)[:80]}"])
    return found


def test_the_scanner_finds_what_it_must():
    source = (
        "@suite.case('x', 'x')\n"
        "def c(m):\n"
        "    acc = m.f()\n"
        "    return {'ok': acc >= 0.9, 'same': torch.equal(a, b), 'raw': acc}\n"
    )
    returned = [e for f in case_functions(ast.parse(source)) for e in returned_expressions(f)]
    problems = [p for e in returned for p in deciding_nodes(e)]
    assert len(problems) == 2, problems


def helpers_returned(expression: ast.expr, helpers: dict[str, ast.FunctionDef]) -> list[ast.FunctionDef]:
    """Module-level functions whose result a case returns directly (`return inside_bound(model)`)."""
    return [helpers[node.func.id] for node in ast.walk(expression)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in helpers]


def probe_side_problems(function: ast.FunctionDef, helpers: dict[str, ast.FunctionDef], depth: int = 0) -> list[str]:
    problems = []
    for expression in returned_expressions(function):
        problems += [f"{function.name} {problem}" for problem in deciding_nodes(expression)]
        if depth < 2:  # a helper that builds the returned value runs in the probe too
            for helper in helpers_returned(expression, helpers):
                problems += probe_side_problems(helper, helpers, depth + 1)
    return problems


def test_the_scanner_follows_helpers_that_build_the_result():
    source = (
        "def inside_bound(model):\n"
        "    return {'inside': bool((model.weight.abs() <= 1).all())}\n"
        "@suite.case('x', 'x')\n"
        "def c(m):\n"
        "    return inside_bound(m.Model())\n"
    )
    tree = ast.parse(source)
    helpers = {node.name: node for node in tree.body if isinstance(node, ast.FunctionDef)}
    assert probe_side_problems(case_functions(tree)[0], helpers)


@pytest.mark.parametrize(
    "module", sorted(p for p in CHECKS.glob("*.py") if p.stem not in AUTHORING_MODULES), ids=lambda p: p.stem
)
def test_case_functions_return_raw_evidence_only(module: Path):
    tree = ast.parse(module.read_text(encoding="utf-8"))
    cases = case_functions(tree)
    helpers = {node.name: node for node in tree.body if isinstance(node, ast.FunctionDef) and node not in cases}
    problems = [f"{module.name} {problem}" for function in cases for problem in probe_side_problems(function, helpers)]
    assert not problems, "decide in a rule= function (it runs in the judge):\n" + "\n".join(problems)
