"""APIs a submission may not use, found statically in its source (runs in the judge).

An exercise that asks for something by hand (a convolution, a pooling, an
activation, a loss) cannot tell from the values alone whether the learner
called the library function it reimplements. Its check module declares the
forbidden names in one line:

    suite.forbid(["torch.nn.functional.conv2d", "torch.conv2d", "torch.nn.Conv2d"], WHY)

Names are written in full. A name below `torch.Tensor.` also forbids the
method of that name on any value (`x.relu()`), and a name forbids everything
below it (`torch.ops` covers `torch.ops.aten.convolution`). `inside=` limits a
restriction to some public functions (and the module-level helpers they call).

The source is read with `ast`, never run: aliases are followed through
imports (`import torch.nn.functional as F`, `from torch.nn.functional import
conv2d as c`, `from torch.nn.functional import *`), assignments (`G = F`),
`getattr(F, "conv2d")`, `importlib.import_module("...")`, `__import__` and
`vars(F)["conv2d"]` with constant strings. A name built at run time (string
concatenation, `eval`) is not followed: the restriction keeps honest learners
from reaching for the library, it is not a sandbox.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from grader.results import FAILED, CaseResult, ExerciseResult
from grader.suite import Restriction
from grader.text.i18n import SENTENCES, T

if TYPE_CHECKING:
    from grader.suite import Suite

TENSOR_METHOD = "torch.Tensor."


@dataclass(frozen=True)
class Violation:
    """One use of a forbidden name: where, as written, what it resolved to, and why it is not allowed."""

    line: int
    written: str
    resolved: str
    restriction: Restriction


def find_violations(source: str, restrictions: tuple[Restriction, ...]) -> list[Violation]:
    """Every use of a forbidden name in `source`, in line order; [] when it does not parse."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):  # the probe reports a syntax error with its line
        return []
    names = _Names(tree)
    found: list[Violation] = []
    for restriction in restrictions:
        for node in _scope(tree, restriction.inside):
            for sub in ast.walk(node):
                hit = _forbidden_use(sub, names, restriction)
                if hit:
                    found.append(Violation(getattr(sub, "lineno", 0), _written(sub), hit, restriction))
    unique = {(v.line, v.resolved): v for v in found}
    return sorted(unique.values(), key=lambda v: (v.line, v.resolved))


def file_violations(path: Path, restrictions: tuple[Restriction, ...]) -> list[Violation]:
    """`find_violations` on a file; [] when it cannot be read (the probe says why)."""
    if not restrictions:
        return []
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    return find_violations(source, restrictions)


def explain(violations: list[Violation]) -> T:
    """One message: each forbidden use with its line, then why the exercise forbids it."""
    uses_en = "; ".join(f"line {v.line}: `{v.written}` ({v.resolved})" for v in violations[:5])
    uses_zh = "；".join(f"第 {v.line} 行：`{v.written}`（{v.resolved}）" for v in violations[:5])
    reasons = list(dict.fromkeys(v.restriction for v in violations))
    allowed = SENTENCES.join(r.why for r in reasons)
    return T(
        f"Your code uses a library function that this exercise asks you to write yourself ({uses_en}). "
        f"{allowed.en} No check was run: replace it and check again.",
        f"你的代码用了本题要求你亲手实现的库函数（{uses_zh}）。{allowed.zh}"
        "因此没有运行任何检查：请换成自己的实现后再检查。",
    )


# ---- resolving names ---------------------------------------------------------------


class _Names:
    """What each name of the module may stand for, as dotted import paths (flow-insensitive)."""

    def __init__(self, tree: ast.Module) -> None:
        self.aliases: dict[str, set[str]] = {}
        self.star_modules: list[str] = []
        self.defined: set[str] = set()
        assignments: list[tuple[str, ast.expr]] = []
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.asname:
                        self._bind(alias.asname, alias.name)
                    else:
                        top = alias.name.split(".")[0]
                        self._bind(top, top)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                for alias in node.names:
                    if alias.name == "*":
                        self.star_modules.append(node.module)
                    else:
                        self._bind(alias.asname or alias.name, f"{node.module}.{alias.name}")
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                self.defined.add(node.name)
            elif isinstance(node, ast.arg):
                self.defined.add(node.arg)
            elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.NamedExpr)) and node.value is not None:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    for name in _target_names(target):
                        assignments.append((name, node.value))
                        self.defined.add(name)
        # Aliases of aliases (`G = F`, `c = G.conv2d`): repeat until nothing new is learnt.
        for _ in range(len(assignments) + 1):
            changed = False
            for name, value in assignments:
                for path in self.resolve(value):
                    changed |= self._bind(name, path)
            if not changed:
                break

    def _bind(self, name: str, path: str) -> bool:
        paths = self.aliases.setdefault(name, set())
        if path in paths:
            return False
        paths.add(path)
        return True

    def resolve(self, node: ast.AST) -> set[str]:
        """The dotted paths an expression may stand for ({} when it is not an imported name)."""
        if isinstance(node, ast.Name):
            if node.id in self.aliases:
                return set(self.aliases[node.id])
            if node.id not in self.defined:
                return {f"{module}.{node.id}" for module in self.star_modules}
            return set()
        if isinstance(node, ast.Attribute):
            return {f"{base}.{node.attr}" for base in self.resolve(node.value)}
        if isinstance(node, ast.Call):
            attribute = _constant_attribute(node)
            if attribute:
                owner, name = attribute
                return {f"{base}.{name}" for base in self.resolve(owner)}
            module = _imported_module(node, self)
            if module:
                return {module}
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
            key = node.slice.value
            namespace = _namespace_of(node.value)
            if namespace is not None and isinstance(key, str):
                return {f"{base}.{key}" for base in self.resolve(namespace)}
        return set()


def _target_names(target: ast.AST) -> list[str]:
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, (ast.Tuple, ast.List)):
        return [name for element in target.elts for name in _target_names(element)]
    return []


def _constant_attribute(call: ast.Call) -> tuple[ast.expr, str] | None:
    """`getattr(owner, "name")` (with or without a default) as (owner, name)."""
    if (
        isinstance(call.func, ast.Name)
        and call.func.id == "getattr"
        and len(call.args) in (2, 3)
        and isinstance(call.args[1], ast.Constant)
        and isinstance(call.args[1].value, str)
    ):
        return call.args[0], call.args[1].value
    return None


def _imported_module(call: ast.Call, names: _Names) -> str | None:
    """`importlib.import_module("a.b")` or `__import__("a.b", fromlist=[...])` with a constant name."""
    if not call.args or not isinstance(call.args[0], ast.Constant) or not isinstance(call.args[0].value, str):
        return None
    module = call.args[0].value
    if isinstance(call.func, ast.Name) and call.func.id == "__import__":
        return module if call.keywords or len(call.args) > 3 else module.split(".")[0]
    if "importlib.import_module" in names.resolve(call.func):
        return module
    return None


def _namespace_of(node: ast.AST) -> ast.expr | None:
    """The object whose namespace `vars(x)` or `x.__dict__` is."""
    if isinstance(node, ast.Attribute) and node.attr == "__dict__":
        return node.value
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "vars" \
            and len(node.args) == 1:
        return node.args[0]
    return None


def _forbidden_use(node: ast.AST, names: _Names, restriction: Restriction) -> str | None:
    """The forbidden name this expression stands for, or None."""
    if not isinstance(node, (ast.Name, ast.Attribute, ast.Call, ast.Subscript)):
        return None
    if isinstance(node, (ast.Name, ast.Attribute)) and not isinstance(node.ctx, ast.Load):
        return None
    paths = names.resolve(node)
    for path in sorted(paths):
        for name in restriction.names:
            if path == name or path.startswith(name + "."):
                return name
    method = node.attr if isinstance(node, ast.Attribute) else None
    if method is None and isinstance(node, ast.Call):
        attribute = _constant_attribute(node)
        method = attribute[1] if attribute else None
        owner = attribute[0] if attribute else None
    else:
        owner = node.value if isinstance(node, ast.Attribute) else None
    if method is None or owner is None or names.resolve(owner):
        return None  # an attribute of an imported module was judged by its full path above
    for name in restriction.names:
        if name.startswith(TENSOR_METHOD) and name.removeprefix(TENSOR_METHOD) == method:
            return name
    return None


def _written(node: ast.AST) -> str:
    try:
        text = ast.unparse(node)
    except Exception:  # unparse of an odd tree: the resolved name still says it
        return "?"
    return text if len(text) <= 60 else text[:57] + "..."


# ---- which parts of the file a restriction covers -------------------------------------


def _scope(tree: ast.Module, inside: tuple[str, ...]) -> list[ast.AST]:
    """The whole module, or the named functions with every module-level function they reach by name."""
    if not inside:
        return [tree]
    top_level: dict[str, list[ast.stmt]] = {}
    for statement in tree.body:
        for name in _statement_names(statement):
            top_level.setdefault(name, []).append(statement)
    wanted = [name for name in inside if name in top_level]
    seen: set[str] = set()
    nodes: list[ast.AST] = []
    while wanted:
        name = wanted.pop()
        if name in seen:
            continue
        seen.add(name)
        for statement in top_level.get(name, []):
            nodes.append(statement)
            for sub in ast.walk(statement):
                if isinstance(sub, ast.Name) and sub.id in top_level and sub.id not in seen:
                    wanted.append(sub.id)
    return nodes


def _statement_names(statement: ast.stmt) -> list[str]:
    """The module-level names a statement defines (functions, classes, assignments)."""
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return [statement.name]
    if isinstance(statement, ast.Assign):
        return [name for target in statement.targets for name in _target_names(target)]
    if isinstance(statement, ast.AnnAssign):
        return _target_names(statement.target)
    return []


# ---- the verdict ---------------------------------------------------------------------


def restricted_result(suite: Suite, violations: list[Violation], points: float | None) -> ExerciseResult:
    """The exercise failed as a whole, with one message (in both languages): no case is run on code that skips
    the exercise."""
    problem = explain(violations)
    scale = points / suite.max_points if points and suite.max_points else 1.0
    cases = tuple(CaseResult(case.name, False, 0.0, case.points * scale, problem) for case in suite.cases)
    return ExerciseResult(suite.exercise, FAILED, cases, message=problem)
