"""The message tables and the code agree: every key is used, every key used exists, no table shadows another.

The scan is static (the source of grader/, read with `ast`), so it covers code paths no other test reaches.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from grader.text.bilingual import LINES, SENTENCES, T
from grader.text.messages import GROUPS, MESSAGES, merge

GRADER = Path(__file__).resolve().parents[1] / "grader"
TABLES = GRADER / "text" / "messages"

#: keys the code builds at run time, so no source file spells them out whole:
#: the f-string's fixed start (as written in the source) -> every key it can build
DYNAMIC_KEYS = {
    # grader/render/terminal.py status_label(): a progress status; "not started" (as stored in
    # .learn/progress.json) is spelled with "_" in the key
    "ui_status_": {"ui_status_passed", "ui_status_failing", "ui_status_not_started"},
    # grader/render/formats/table.py: a graded exercise's status (grader.results: passed, failed, error, infra)
    "grade_status_": {"grade_status_passed", "grade_status_failed", "grade_status_error", "grade_status_infra"},
    # grader/render/practice.py ago(): the coarsest unit of time that is at least one
    "ui_ago_": {"ui_ago_day", "ui_ago_hour", "ui_ago_minute"},
}

#: strings outside the check modules that look like a message key must be one (a check module's own
#: strings, such as "class_names", are data); the prefixes of the keys that name their layer
KEY_LIKE = re.compile(r"^(ui|err|grade|class|doctor|explain|nb|export|advice)_[a-z0-9_]+$")
#: the functions that take a key as their first argument (grader.text.i18n)
KEY_FUNCTIONS = {"msg", "text"}


@cache
def sources() -> dict[Path, ast.Module]:
    """Every module of grader/ but the message tables themselves."""
    return {path: ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for path in sorted(GRADER.rglob("*.py")) if TABLES not in path.parents}


def _fstring_parts(tree: ast.Module) -> set[int]:
    """ids of the string constants inside f-strings: the fixed pieces of a built key, not keys."""
    return {id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for part in node.values}


@cache
def strings() -> dict[str, set[Path]]:
    """Every string constant written in grader/ (f-string pieces left out), with where it is written."""
    found: dict[str, set[Path]] = {}
    for path, tree in sources().items():
        pieces = _fstring_parts(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in pieces:
                found.setdefault(node.value, set()).add(path)
    return found


def _key_argument(call: ast.Call) -> ast.expr | None:
    """The key given to msg(...) / text(...) / i18n.msg(...), or None for any other call."""
    func = call.func
    named = isinstance(func, ast.Name) and func.id in KEY_FUNCTIONS
    in_i18n = (isinstance(func, ast.Attribute) and func.attr in KEY_FUNCTIONS
               and isinstance(func.value, ast.Name) and func.value.id == "i18n")
    return call.args[0] if (named or in_i18n) and call.args else None


@cache
def key_arguments() -> list[tuple[Path, int, ast.expr]]:
    return [(path, node.lineno, argument) for path, tree in sources().items() for node in ast.walk(tree)
            if isinstance(node, ast.Call) and (argument := _key_argument(node)) is not None]


def _fixed_start(built: ast.JoinedStr) -> str:
    """The text an f-string starts with, before its first {field}."""
    first = built.values[0] if built.values else None
    return first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else ""


def test_every_key_is_used():
    built = set().union(*DYNAMIC_KEYS.values())
    unused = sorted(key for key in MESSAGES if key not in strings() and key not in built)
    assert unused == [], f"no code in grader/ uses these keys (delete them, or list them in DYNAMIC_KEYS): {unused}"


def test_every_key_given_to_msg_or_text_exists():
    missing = [f"{path.relative_to(GRADER.parent)}:{line}: {argument.value!r}"
               for path, line, argument in key_arguments()
               if isinstance(argument, ast.Constant) and argument.value not in MESSAGES]
    assert missing == []


def test_every_key_like_string_exists():
    missing = sorted(f"{value!r} in {', '.join(str(p.relative_to(GRADER.parent)) for p in paths)}"
                     for value, paths in strings().items()
                     if KEY_LIKE.match(value) and value not in MESSAGES
                     and any(GRADER / "checks" not in path.parents for path in paths))
    assert missing == []


def test_every_built_key_is_listed():
    """A key built with an f-string must start with a DYNAMIC_KEYS entry, which names every key it builds."""
    unlisted = [f"{path.relative_to(GRADER.parent)}:{line}: {ast.unparse(argument)}"
                for path, line, argument in key_arguments()
                if isinstance(argument, ast.JoinedStr) and _fixed_start(argument) not in DYNAMIC_KEYS]
    assert unlisted == []


@pytest.mark.parametrize("start", sorted(DYNAMIC_KEYS))
def test_dynamic_keys_exist_and_are_still_built(start):
    keys = DYNAMIC_KEYS[start]
    assert all(key.startswith(start) and key in MESSAGES for key in keys), sorted(keys - set(MESSAGES))
    builders = [path for path, _, argument in key_arguments()
                if isinstance(argument, ast.JoinedStr) and _fixed_start(argument) == start]
    assert builders, f"no code builds {start}…: move its keys out of DYNAMIC_KEYS (or delete them)"


def test_progress_statuses_have_a_label():
    """Every status the progress file stores has a label in both languages (the key spells a space as "_")."""
    from grader.course.progress import NOT_STARTED, PASSED
    from grader.render.terminal import STATUS_STYLE, status_label

    assert {PASSED, NOT_STARTED} <= set(STATUS_STYLE)
    assert NOT_STARTED == "not started"  # as written in .learn/progress.json: the key's spelling is not the file's
    for status in STATUS_STYLE:
        assert status_label(status, "en") == status and status_label(status, "zh")


def test_grade_statuses_have_a_label():
    from grader.render.formats.table import STATUS_STYLE

    assert {f"grade_status_{status}" for status in STATUS_STYLE} == DYNAMIC_KEYS["grade_status_"]


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_key_is_an_identifier_in_both_languages(key):
    assert key.isidentifier(), f"{key!r}: a key is a Python identifier (built keys put '_' for spaces)"
    assert MESSAGES[key].en.strip() and MESSAGES[key].zh.strip()


def test_tables_merge_without_overlap():
    assert sum(len(table) for table in GROUPS.values()) == len(MESSAGES)
    assert all((TABLES / f"{group}.py").is_file() for group in GROUPS)


def test_a_key_in_two_tables_is_refused():
    with pytest.raises(ValueError, match=r"'ui_x' is defined twice: in grader/text/messages/a\.py and in .*/b\.py"):
        merge({"a": {"ui_x": T("x", "甲")}, "b": {"ui_y": T("y", "乙"), "ui_x": T("x", "甲")}})


def test_tables_import_only_the_bilingual_type():
    """No cycle: the tables need `T` only, and `T`'s module needs nothing from grader."""
    for path in [GRADER / "text" / "bilingual.py", *TABLES.glob("*.py")]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
        imported |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        tables = {*GROUPS, "labels"}  # labels.py: the Chinese of the names case functions give their values
        allowed = {"grader.text.bilingual"} | {f"grader.text.messages.{table}" for table in tables}
        if path.name == "bilingual.py":
            allowed = set()
        assert {name for name in imported if name.startswith("grader")} <= allowed, path
    loaded = subprocess.run([sys.executable, "-c", "import sys, grader.text.messages; "
                             "print(sorted(m for m in sys.modules if m.startswith('grader')))"],
                            capture_output=True, text=True, check=True, cwd=GRADER.parent).stdout
    assert "grader.text.i18n" not in loaded and "grader.errors" not in loaded


def test_i18n_reexports_the_bilingual_type():
    from grader.text import i18n

    assert i18n.T is T
    assert i18n.text("ui_status_passed") == MESSAGES["ui_status_passed"]


def test_join_puts_each_language_together():
    first, second = T("One.", "一。"), T("Two.", "二。")
    assert SENTENCES.join([first, second]) == T("One. Two.", "一。二。")
    assert LINES.join([first, second]) == T("One.\nTwo.", "一。\n二。")
    assert SENTENCES.join(part for part in [first]) == first
    assert LINES.join([]) == T("", "")
