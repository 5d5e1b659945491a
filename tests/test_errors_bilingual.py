"""Every `error:` line exists in English and 中文.

A static scan of grader/ keeps English-only `LearnError("...")` raises from landing, and the real CLI,
run in Chinese, shows its usage errors (Typer's and Click's own ones included) without an English sentence.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

GRADER = ROOT / "grader"


# ---- the scan: no LearnError is raised with a plain English string -------------------------------------


def _error_classes(trees: dict[Path, ast.Module]) -> set[str]:
    """LearnError and every class of grader/ that derives from it (at any depth)."""
    names = {"LearnError"}
    classes = [node for tree in trees.values() for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    grew = True
    while grew:
        grew = False
        for cls in classes:
            bases = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", None) for b in cls.bases}
            if cls.name not in names and bases & names:
                names.add(cls.name)
                grew = True
    return names


def _plain_text(node: ast.expr) -> bool:
    """A string written in one language: a literal, an f-string, or one built from them (+, %, .format)."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _plain_text(node.left) or _plain_text(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("format", "join"):
        return _plain_text(node.func.value)
    return False


def english_only_raises(trees: dict[Path, ast.Module]) -> list[str]:
    """`path:line` of every LearnError(...) whose message is a plain string rather than a T or `text(key)`."""
    names = _error_classes(trees)
    found = []
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
            if name not in names:
                continue
            messages = node.args[:1] + [k.value for k in node.keywords if k.arg == "message"]
            if any(_plain_text(m) for m in messages):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def grader_sources() -> dict[Path, ast.Module]:
    return {path: ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for path in sorted(GRADER.rglob("*.py"))}


def test_every_learn_error_is_bilingual():
    found = english_only_raises(grader_sources())
    assert not found, (
        "LearnError raised with an English-only string; give it T(english, chinese) or a message key "
        "(grader/text/messages/) so `--lang zh` shows it in Chinese:\n  " + "\n  ".join(found))


def test_the_scan_sees_what_it_must():
    """The scan itself: plain strings are caught, T(...), text(...), variables and re-raises are not."""
    source = '''
class Refused(LearnError):
    pass

class Stricter(Refused):
    pass

def f(path, exc, message, problem):
    raise LearnError("plain")                                  # 1: caught
    raise LearnError(f"{path}: plain")                         # 2: caught
    raise LearnError("a " + "b")                               # 3: caught
    raise errors.LearnError("{}".format(path))                 # 4: caught
    raise Stricter(message=f"{path}")                          # 5: caught
    raise LearnError(T(f"{path}: x", f"{path}：x"))            # fine
    raise LearnError(text("err_cannot_read", path=path, reason=exc))
    raise Refused(problem)
    raise exc
'''
    found = english_only_raises({ROOT / "example.py": ast.parse(source)})
    assert found == [f"example.py:{n}" for n in (9, 10, 11, 12, 13)]


# ---- the real CLI in Chinese: usage errors have no English sentence ------------------------------------

#: three or more words of Latin letters in a row: an English sentence (a path or `learn check --help` is not one)
ENGLISH_RUN = re.compile(r"\b[A-Za-z]+(?:\s+[A-Za-z]+){2,}\b")
#: the frame Rich draws around Click's errors
BOX = re.compile(r"[\u2500-\u257f]")


@pytest.fixture(scope="module")
def learner_workspace(tmp_path_factory) -> Path:
    """A workspace made the way a learner makes one: `learn init`."""
    folder = tmp_path_factory.mktemp("errors") / "ws"
    learn(folder.parent, "--lang", "en", "init", str(folder), check=True)
    return folder


def learn(cwd: Path, *args: str, check: bool = False) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "LEARN_LANG"}
    env.update(LEARN_NO_DAEMON="1", COLUMNS="200", NO_COLOR="1", TERM="dumb")
    return subprocess.run([sys.executable, "-m", "grader", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300, check=check)


def said(run: subprocess.CompletedProcess[str]) -> str:
    """What the run printed, on one line, without the box around it."""
    return " ".join(BOX.sub(" ", run.stdout + run.stderr).split())


USAGE_ERRORS = {
    "missing value": ["check", "--file"],
    "extra argument": ["check", "a", "b"],
    "unknown command": ["bogus"],
    "bad integer": ["grade", "--jobs", "abc"],
    "unknown option": ["check", "--bogus"],
    "unknown format": ["grade", "--format", "nope"],
    "no submission": ["grade", "--submission", "/nonexistent"],
}


@pytest.mark.parametrize("args", USAGE_ERRORS.values(), ids=USAGE_ERRORS.keys())
def test_usage_errors_in_chinese(learner_workspace, args):
    run = learn(learner_workspace, "--lang", "zh", *args)
    text = said(run)
    assert run.returncode == 2, text
    assert "错误" in text and "Traceback" not in text, text
    assert not ENGLISH_RUN.search(text), f"English left in the Chinese error: {ENGLISH_RUN.search(text)}: {text}"


@pytest.mark.parametrize(("args", "english"), [
    (["check", "--file"], "Option '--file' requires an argument."),
    (["bogus"], "No such command 'bogus'."),
    (["grade", "--format", "nope"], "error: --format 'nope': use one of table, json, junit, gradescope, github"),
], ids=["missing value", "unknown command", "unknown format"])
def test_usage_errors_stay_english_in_english(learner_workspace, args, english):
    run = learn(learner_workspace, "--lang", "en", *args)
    assert run.returncode == 2
    assert english in said(run)
    assert not re.search(r"[\u4e00-\u9fff]", said(run))
