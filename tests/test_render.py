"""What the terminal shows: tensor diffs as grids, hint levels, and results without diffs as before."""

from __future__ import annotations

import io

import numpy as np
from rich.console import Console

from grader.course.catalog import Exercise, Topic
from grader.judge.compare import value_difference
from grader.judge.diffcells import diff_cells
from grader.render import terminal as render
from grader.results import FAILED, CaseResult, ExerciseResult
from grader.text.i18n import T


def plain(renderable, width: int = 100) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(renderable)
    return console.file.getvalue()


def case_for(got: np.ndarray, expected: np.ndarray) -> CaseResult:
    """A failed case as the judge builds it from a values mismatch (its message in both languages)."""
    problem = value_difference(got, expected, atol=1e-5, rtol=1e-4, where="out")
    return CaseResult(T("values", "值"), False, 0.0, 1.0, T(problem.en, problem.zh), "", 0.0, problem.diff)


def result_of(*cases: CaseResult) -> ExerciseResult:
    return ExerciseResult("demo", FAILED, cases, file="exercises/demo.py")


def test_small_2d_diff_is_two_grids_side_by_side():
    expected = np.array([[1.0, 0.0], [0.0, 3.0]], dtype=np.float32)
    got = np.array([[1.0, 0.1], [0.1, 3.0]], dtype=np.float32)
    case = case_for(got, expected)
    assert case.diff["mismatch"] == [[False, True], [True, False]]
    assert case.diff["whole"] and case.diff["expected"] == [[1.0, 0.0], [0.0, 3.0]]
    shown = plain(render.exercise_result(result_of(case), "en"))
    header = next(line for line in shown.splitlines() if "expected" in line and "got" in line)
    assert header.index("expected") < header.index("got")  # side by side, not one under the other
    assert "2 of 4 values differ" in shown
    assert "[[1., 0.]" not in shown  # the text form of the grid is replaced by the drawing


def test_differing_cells_are_highlighted_only_on_their_own_cells():
    expected = np.arange(6, dtype=np.int64).reshape(2, 3)
    got = expected.copy()
    got[1, 2] = 7
    diff = diff_cells(got, expected, got != expected, (1, 2), text_lines=0)
    table = render._cell_grid(diff, "got", "got", "bold white on red")
    value_columns = table.columns[1:]  # column 0 holds the row indices
    styles = [[str(cell.style) for cell in column.cells] for column in value_columns]
    assert styles == [["", ""], ["", ""], ["", "bold white on red"]]


def test_large_tensor_shows_a_window_around_the_first_difference():
    expected = np.zeros((3, 40, 50), dtype=np.float32)
    got = expected.copy()
    got[2, 30, 45] = 1.5
    case = case_for(got, expected)
    diff = case.diff
    assert not diff["whole"] and diff["prefix"] == [2] and diff["index"] == [2, 30, 45]
    assert (diff["row_start"], diff["col_start"]) == (28, 41)
    assert diff["got"][2][4] == 1.5 and diff["mismatch"][2][4]
    assert "shape (3, 40, 50)" in case.message.en  # the text form keeps the shape and nearby values
    shown = plain(render.exercise_result(result_of(case), "en"))
    assert "values [2, 28:33, 41:50] of a tensor of shape (3, 40, 50)" in shown
    assert "1.5" in shown and "Max abs error 1.5" in shown


def test_one_dimensional_window_and_non_finite_values_are_plain_json():
    expected = np.linspace(0, 1, 100).astype(np.float32)
    got = expected.copy()
    got[97] = np.nan
    diff = case_for(got, expected).diff
    assert diff["got"][0][diff["index"][0] - diff["col_start"]] == "nan"
    assert diff["col_start"] == 93 and len(diff["got"][0]) == 7  # the window stops at the end


def test_case_without_diff_prints_its_message_unchanged():
    case = CaseResult("shape", False, 0.0, 1.0, "out: shape should be (2, 3), got (3, 2).", "")
    assert "shape should be (2, 3), got (3, 2)." in plain(render.exercise_result(result_of(case), "en"))
    assert result_of(case).to_dict()["cases"][0]["diff"] is None  # the key stays in the JSON, empty


def test_chinese_grid_titles():
    expected = np.array([1, 2, 3])
    case = case_for(np.array([1, 2, 4]), expected)
    shown = plain(render.exercise_result(result_of(case), "zh"))
    assert "期望" in shown and "实际" in shown and "3 个值中有 1 个不同" in shown


TOPIC = Topic("t", "01_t", T("Topic", "主题"))
EXERCISE = Exercise("demo", TOPIC, 1, T("Demo", "示例"), (T("first", "第一"), T("second", "第二"), T("third", "第三")))


def test_hint_levels():
    one = plain(render.hints(EXERCISE, "en", shown=1, newly_revealed=True))
    assert "1. first" in one and "second" not in one and "(1 of 3)" in one and "hint 2 of 3" in one
    last = plain(render.hints(EXERCISE, "en", shown=3))
    assert "3. third" in last and "last of 3 hints" in last
    assert "3. third" in plain(render.hints(EXERCISE, "en"))  # the old call shows every hint
    assert "第 2/3 条提示" in plain(render.hints(EXERCISE, "zh", shown=1))
