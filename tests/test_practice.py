"""The self-study path: next, show, hint levels, reset and undo, solution, progress, doctor, init."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass

import pytest
from typer.testing import CliRunner

from grader.cli.app import app
from grader.course.progress import load_progress, save_progress
from grader.course.statement import parse_statement
from grader.course.workspace import Workspace
from grader.usecases.practice import init_workspace
from grader.usecases.reset import starter_source
from tests.helpers import ROOT

runner = CliRunner()


@dataclass(frozen=True)
class Run:
    exit_code: int
    output: str
    said: str  #: the output with its line wrapping undone, so phrases can be found whole


def learn(*args: str, input: str | None = None) -> Run:
    """Run `learn ARGS` in this process."""
    result = runner.invoke(app, list(args), input=input)
    return Run(result.exit_code, result.output, " ".join(result.output.split()))


@pytest.fixture
def ws(tmp_workspace) -> Workspace:
    return Workspace.discover(tmp_workspace)


def mark_passed(ws: Workspace, *ids: str) -> None:
    progress = load_progress(ws.progress_path)
    for exercise_id in ids:
        progress.record(exercise_id, True, 10.0, 10.0)
    save_progress(ws.progress_path, progress)


# ---- statements ----------------------------------------------------------------------


def test_statement_sections_are_read_without_importing():
    source = ('"""Title / 标题\n\nEnglish\n-------\nDo `x`.\n\n中文\n----\n做 `x`。\n\n'
              'Check your work / 检查：  learn check x\n"""\nraise SystemExit(3)\n')
    statement = parse_statement(source)
    assert statement.title.en == "Title" and statement.title.zh == "标题"
    assert statement.body.en == "Do `x`." and statement.body.zh == "做 `x`。"
    assert parse_statement("def broken(:\n") is None


def test_every_starter_has_a_statement_in_both_languages(ws):
    for exercise in ws.catalog().exercises:
        statement = parse_statement(ws.exercise_path(exercise).read_text(encoding="utf-8"))
        assert statement is not None, exercise.id
        assert statement.body.en and statement.body.zh and statement.body.en != statement.body.zh, exercise.id


# ---- next and show ---------------------------------------------------------------------


def test_next_shows_the_first_exercise_with_its_file_and_how_to_check(ws):
    first = ws.catalog().exercises[0]
    result = learn("next")
    assert result.exit_code == 0, result.said
    assert first.id in result.said and first.title.en in result.said
    assert ws.exercise_path(first).relative_to(ws.root).as_posix() in result.said
    assert f"learn check {first.id}" in result.said
    assert "Check your work" not in result.said and "中文" not in result.said


def test_next_moves_on_after_a_pass_and_speaks_chinese(ws):
    first, second = ws.catalog().exercises[:2]
    mark_passed(ws, first.id)
    data = json.loads(learn("next", "--json").output)
    assert data["exercise"] == second.id and data["number"] == 2
    zh = learn("next", "--lang", "zh").said
    assert second.title.zh in zh and "练习 2/" in zh and "English" not in zh


def test_next_when_everything_passed(ws):
    mark_passed(ws, *ws.catalog().ids)
    result = learn("next")
    assert result.exit_code == 0 and "All" in result.said and "pass" in result.said
    assert json.loads(learn("next", "--json").output) == {"done": True}


def test_show_any_exercise_even_when_the_learners_file_does_not_parse(ws):
    exercise = ws.catalog().get("conv_output_size")
    ws.exercise_path(exercise).write_text("def conv_output_size(:\n", encoding="utf-8")
    result = learn("show", "conv_output_size")
    assert result.exit_code == 0 and "dilation" in result.said  # read from the untouched starter


def test_show_unknown_id_is_a_usage_error(ws):
    result = learn("show", "conv_outptu_size")
    assert result.exit_code == 2 and "did you mean conv_output_size" in result.said


# ---- hints ---------------------------------------------------------------------------------


def test_hints_are_revealed_one_level_at_a_time_and_remembered(ws):
    exercise = ws.catalog().get("conv_output_size")
    hints = [h.en for h in exercise.hints]
    first = learn("hint", "conv_output_size")
    assert first.exit_code == 0 and hints[0] in first.said and hints[1] not in first.said
    second = learn("hint", "conv_output_size")
    assert hints[0] in second.said and hints[1] in second.said and hints[2] not in second.said
    assert load_progress(ws.progress_path).hints_seen("conv_output_size") == 2
    assert load_progress(ws.progress_path).status("conv_output_size") == "not started"
    everything = learn("hint", "conv_output_size", "--all")
    assert all(h in everything.said for h in hints) and "last of 3 hints" in everything.said
    assert load_progress(ws.progress_path).hints_seen("conv_output_size") == 3


def test_hint_without_id_is_for_the_next_exercise(ws):
    first = ws.catalog().exercises[0]
    assert f"Hints for {first.id}" in learn("hint").said


# ---- reset ---------------------------------------------------------------------------------


def test_reset_saves_the_learners_version_and_undo_brings_it_back(ws):
    exercise = ws.catalog().get("conv_output_size")
    path = ws.exercise_path(exercise)
    starter = path.read_text(encoding="utf-8")
    mine = starter.replace('raise NotImplementedError("conv_output_size")', "return size - kernel_size + 1")
    path.write_text(mine, encoding="utf-8")

    result = learn("reset", "conv_output_size")
    assert result.exit_code == 0, result.said
    assert path.read_text(encoding="utf-8") == starter
    backups = sorted((ws.state_dir / "backups" / "conv_output_size").glob("*.py"))
    assert [b.read_text(encoding="utf-8") for b in backups] == [mine]
    assert backups[0].name in result.said and "learn reset --undo conv_output_size" in result.said

    again = learn("reset", "conv_output_size")  # nothing to save: no second backup
    assert "nothing to save" in again.said
    assert len(list(backups[0].parent.glob("*.py"))) == 1

    undone = learn("reset", "--undo", "conv_output_size")
    assert undone.exit_code == 0 and path.read_text(encoding="utf-8") == mine


def test_undo_keeps_what_was_written_after_the_reset(ws):
    exercise = ws.catalog().get("conv_output_size")
    path = ws.exercise_path(exercise)
    path.write_text("# first attempt\n", encoding="utf-8")
    learn("reset", "conv_output_size")
    path.write_text("# second attempt\n", encoding="utf-8")
    result = learn("reset", "--undo", "conv_output_size")
    assert path.read_text(encoding="utf-8") == "# first attempt\n"
    saved = sorted((ws.state_dir / "backups" / "conv_output_size").glob("*.py"))
    assert saved[-1].read_text(encoding="utf-8") == "# second attempt\n" and saved[-1].name in result.said


def test_undo_without_backup_and_reset_of_a_deleted_file(ws):
    assert learn("reset", "--undo", "conv_output_size").exit_code == 2
    exercise = ws.catalog().get("conv_output_size")
    ws.exercise_path(exercise).unlink()
    assert learn("reset", "conv_output_size").exit_code == 0
    assert "def conv_output_size" in ws.exercise_path(exercise).read_text(encoding="utf-8")


# ---- solution --------------------------------------------------------------------------------


def test_solution_is_locked_until_passed(ws):
    result = learn("solution", "conv_output_size")
    assert result.exit_code == 2 and "learn check conv_output_size" in result.said
    assert "def conv_output_size" not in result.said


def test_solution_force_asks_first_and_never_touches_the_learners_file(ws):
    exercise = ws.catalog().get("conv_output_size")
    before = ws.exercise_path(exercise).read_bytes()
    refused = learn("solution", "conv_output_size", "--force", input="n\n")
    assert refused.exit_code == 1 and "dilation * (kernel_size - 1)" not in refused.said
    assert "Kept closed" in refused.said
    shown = learn("solution", "conv_output_size", "--force", input="y\n")
    assert shown.exit_code == 0 and "dilation * (kernel_size - 1)" in shown.said
    assert ws.exercise_path(exercise).read_bytes() == before


def test_solution_opens_after_a_pass_without_asking(ws):
    mark_passed(ws, "conv_output_size")
    progress = load_progress(ws.progress_path)
    progress.record("conv_output_size", False, 0.0, 10.0)  # broken again later: still unlocked
    save_progress(ws.progress_path, progress)
    result = learn("solution", "conv_output_size")
    assert result.exit_code == 0 and "dilation * (kernel_size - 1)" in result.said


# ---- progress --------------------------------------------------------------------------------


def test_progress_per_topic_with_last_activity_and_next(ws):
    catalog = ws.catalog()
    fresh = learn("progress")
    assert fresh.exit_code == 0 and "No activity yet" in fresh.said
    first = catalog.exercises[0]
    mark_passed(ws, first.id)
    data = json.loads(learn("progress", "--json").output)
    topic = next(t for t in data["topics"] if t["topic"] == first.topic.id)
    in_topic = sum(e.topic.id == first.topic.id for e in catalog.exercises)
    assert (topic["passed"], topic["total"]) == (1, in_topic)
    assert data["passed"] == 1 and data["total"] == len(catalog.exercises)
    assert data["next"] == catalog.exercises[1].id
    shown = learn("progress").said
    assert f"1/{in_topic}" in shown and "just now" in shown and catalog.exercises[1].id in shown


# ---- doctor ------------------------------------------------------------------------------------


def test_doctor_reports_environment_and_workspace(ws):
    result = learn("doctor", "--json")
    assert result.exit_code == 0, result.said
    data = json.loads(result.output)
    labels = {f["label"]: f for f in data["findings"]}
    expected = {"Python", "torch", "torchvision", "CUDA (NVIDIA GPU)", "CPU threads", "workspace", "progress file"}
    assert expected <= set(labels)
    assert labels["workspace"]["detail"] == str(ws.root)


def test_doctor_names_each_problem_with_its_fix(ws):
    exercise = ws.catalog().get("conv_output_size")
    ws.exercise_path(exercise).unlink()
    ws.progress_path.parent.mkdir(parents=True, exist_ok=True)
    ws.progress_path.write_text("{ not json", encoding="utf-8")
    result = learn("doctor")
    assert result.exit_code == 1
    assert "learn reset conv_output_size" in result.said and "cannot be read" in result.said
    assert ws.progress_path.exists()  # doctor looks, it does not move the file aside


# ---- init -----------------------------------------------------------------------------------------


def test_init_creates_a_workspace_without_solutions(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = learn("init", "course")
    assert result.exit_code == 0, result.said
    root = tmp_path / "course"
    assert (root / "exercises" / "info.toml").is_file() and not (root / "solutions").exists()
    assert not list(root.rglob("__pycache__"))
    assert "cd " in result.said and "learn next" in result.said
    ws = Workspace.discover(root)
    assert len(ws.catalog().exercises) == len(Workspace.discover(ROOT).catalog().exercises)
    again = learn("init", "course")
    assert again.exit_code == 2 and "never overwritten" in again.said


def test_reset_in_an_initialised_workspace_uses_its_own_starters(tmp_path):
    root = init_workspace(tmp_path / "course").root
    ws = Workspace.discover(root)
    exercise = ws.catalog().get("conv_output_size")
    kept = ws.state_dir / "starters" / exercise.relative_path
    kept.write_text(kept.read_text(encoding="utf-8") + "# kept by init\n", encoding="utf-8")
    assert starter_source(ws, exercise).endswith("# kept by init\n")


def test_new_learner_session(tmp_path, monkeypatch):
    """init, next, check (fails), hint, write the answer, check (passes), next moves on."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LEARN_LANG", raising=False)
    assert learn("init", "course").exit_code == 0
    monkeypatch.chdir(tmp_path / "course")
    ws = Workspace.discover()
    first, second = ws.catalog().exercises[:2]
    assert first.id in learn("next").said
    failed = learn("check", first.id)
    assert failed.exit_code == 1 and "NotImplementedError" in failed.said
    assert first.hints[0].en in learn("hint", first.id).said
    shutil.copyfile(ROOT / "solutions" / first.relative_path, ws.exercise_path(first))
    passed = learn("check", first.id)
    assert passed.exit_code == 0, passed.said
    assert "learn next" in passed.said
    assert second.id in learn("next").said
    assert learn("solution", first.id).exit_code == 0


def test_self_study_commands_do_not_import_torch(tmp_workspace):
    code = (
        "import sys\n"
        "from grader.cli.app import app\n"
        "for args in (['next'], ['show', 'conv_output_size'], ['hint', 'conv_output_size'], ['progress'],\n"
        "             ['reset', 'conv_output_size'], ['solution', 'conv_output_size']):\n"
        "    try:\n        app(args)\n    except SystemExit:\n        pass\n"
        "print('TORCH' if 'torch' in sys.modules else 'NO_TORCH')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_workspace)
    assert out.stdout.strip().endswith("NO_TORCH"), out.stdout + out.stderr


def test_text_before_the_language_sections_is_shown_in_both_languages():
    source = ('"""T / 标题\n\n    Conv2d(3, 32, 5)  -> (N, 32, 28, 28)\n\n'
              'English\n-------\nIn this order.\n\n中文\n----\n按这个顺序。\n"""\n')
    statement = parse_statement(source)
    assert statement.body.en.startswith("    Conv2d(3, 32, 5)") and statement.body.en.endswith("In this order.")
    assert statement.body.zh.startswith("    Conv2d(3, 32, 5)") and statement.body.zh.endswith("按这个顺序。")


def test_chinese_paragraphs_are_not_broken_by_spaces():
    source = ('"""T / 标题\n\nEnglish\n-------\nOne\nline.\n\n中文\n----\n请实现 `f(x)`：\n一个维度的长度。\n'
              '- 第一项；\n- 第二项。\n\n    >>> f(1)\n"""\n')
    statement = parse_statement(source)
    assert "请实现 `f(x)`：一个维度的长度。\n- 第一项；\n- 第二项。" in statement.body.zh
    assert "    >>> f(1)" in statement.body.zh and statement.body.en == "One\nline."


def test_wrapped_chinese_list_items_are_joined_but_code_is_not():
    from grader.course.statement import join_cjk_lines

    text = "- 第一项在两侧各补\n  这么多个 0；\n- 第二项\n      代码行保持原样"
    assert join_cjk_lines(text) == "- 第一项在两侧各补这么多个 0；\n- 第二项\n      代码行保持原样"
