"""Whole-file problems are said without placeholders the learner cannot act on."""

from __future__ import annotations

from grader.judge.verdict import _import_problem
from grader.wire import ErrorRecord


def syntax_error(line, source=None, offset=None, message="invalid syntax"):
    return ErrorRecord("SyntaxError", ("SyntaxError", "Exception"), message, line, source, offset, True)


def test_a_syntax_error_without_a_line_never_says_line_question_mark():
    problem = _import_problem(syntax_error(None, message="source code cannot contain null bytes"))
    assert "?" not in problem.en and "?" not in problem.zh
    assert "null bytes" in problem.en and "无法读取" in problem.zh


def test_a_syntax_error_with_a_line_points_at_it():
    problem = _import_problem(syntax_error(3, "x = (", 5))
    assert "line 3" in problem.en and "第 3 行" in problem.zh
    assert "x = (" in problem.en and "    ^" in problem.en


def test_a_rule_case_where_both_raise_the_same_error_passes_and_a_missing_error_fails():
    from grader.judge.verdict import _apply_rule
    from grader.suite import Case
    from grader.text.i18n import T

    case = Case(T("x", "x"), lambda m: None, 0, rule=lambda got, wanted: T("never", "never"))
    error = ErrorRecord("ValueError", ("ValueError", "Exception"), "bad", 3, "raise ValueError", None, True)
    assert _apply_rule(case, error, error) is None
    missing = _apply_rule(case, 5, error)
    assert "Expected ValueError to be raised" in missing.en and "returned int 5" in missing.en
    unexpected = _apply_rule(case, error, 5)
    assert "Your code raised ValueError: bad" in unexpected.en
