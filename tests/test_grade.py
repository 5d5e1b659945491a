"""`learn grade` for one submission: scores, formats read back, missing files, --min-score exit codes."""

from __future__ import annotations

import base64
import json
import shutil

import jsonschema
import nbformat
import pytest
from junitparser import JUnitXml
from typer.testing import CliRunner

from grader.cli.app import app
from tests.classgen import copy_tree, notebook_submission
from tests.helpers import ROOT
from tests.test_formats import GITHUB_RUNNER_SCHEMA, GRADESCOPE_SCHEMA

runner = CliRunner()
# Light exercises without meta-device cases: quick to grade on a warm worker.
LIGHT = ["autograd_basics", "conv_output_size", "pool_output_size"]
ONLY = ["--only", ",".join(LIGHT)]


def grade(*args: str, env: dict | None = None):
    return runner.invoke(app, ["grade", *args], env=env)


def as_json(result) -> dict:
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def half_done(tmp_path_factory, catalog):
    """conv_output_size solved, pool_output_size untouched, autograd_basics missing."""
    folder = tmp_path_factory.mktemp("half") / "student"
    copy_tree(ROOT / "solutions", folder, [catalog.get("conv_output_size")])
    copy_tree(ROOT / "exercises", folder, [catalog.get("pool_output_size")])
    return folder


def test_solutions_score_full_marks_as_gradescope_results(catalog):
    result = grade("--submission", str(ROOT / "solutions"), "--format", "gradescope")
    assert result.exit_code == 0, result.output
    data = as_json(result)
    jsonschema.validate(data, GRADESCOPE_SCHEMA)
    full = sum(e.points for e in catalog.exercises)
    assert data["score"] == pytest.approx(full)
    assert sum(t["max_score"] for t in data["tests"]) == pytest.approx(full)
    failed = [t["name"] for t in data["tests"] if t["status"] != "passed"]
    assert failed == []
    assert {t["tags"][0] for t in data["tests"]} == set(catalog.ids)


def test_starters_score_zero(tmp_workspace, catalog):
    result = grade(*ONLY, "--json")
    assert result.exit_code == 1
    data = as_json(result)
    assert data["max_score"] == 30 and data["score"] == 0
    assert [e["exercise"] for e in data["exercises"]] == [e.id for e in catalog.exercises if e.id in LIGHT]
    assert all(e["status"] == "failed" and e["score"] == 0 for e in data["exercises"])
    assert data["versions"]["torch"] and data["versions"]["python"]


def test_table_summary_and_exit_code(half_done):
    result = grade("--submission", str(half_done), *ONLY)
    assert result.exit_code == 1
    assert "conv_output_size" in result.stdout and "10/10" in result.stdout
    assert "No file for this exercise" in result.stdout  # autograd_basics: missing, a note, no crash
    assert "Total: 10/30 points (33%), 1 of 3 exercises passed." in result.stdout


@pytest.mark.parametrize(
    "minimum, code",
    [(None, 1), ("10", 0), ("10.5", 1), ("30%", 0), ("40%", 1), ("0", 0)],
)
def test_min_score_sets_the_exit_code(half_done, minimum, code):
    extra = ["--min-score", minimum] if minimum is not None else []
    result = grade("--submission", str(half_done), "--only", "conv_output_size,pool_output_size,autograd_basics",
                   "--format", "json", *extra)
    assert result.exit_code == code, result.output
    assert as_json(result)["score"] == 10


def test_missing_file_scores_zero_with_a_note(half_done):
    data = as_json(grade("--submission", str(half_done), *ONLY, "--format", "json"))
    missing = next(e for e in data["exercises"] if e["exercise"] == "autograd_basics")
    assert missing["status"] == "error" and missing["score"] == 0 and missing["max_score"] == 10
    assert "No file for this exercise" in missing["message"] and "02_autograd/autograd_basics.py" in missing["message"]
    pool = next(e for e in data["exercises"] if e["exercise"] == "pool_output_size")
    assert pool["status"] == "failed" and "NotImplementedError" in pool["cases"][0]["message"]


def test_junit_to_a_file_while_the_table_is_printed(half_done, tmp_path):
    target = tmp_path / "reports" / "junit.xml"
    result = grade("--submission", str(half_done), *ONLY, "--format", "junit", "--output", str(target))
    assert result.exit_code == 1 and "Total: 10/30" in result.stdout
    suites = {suite.name: suite for suite in JUnitXml.fromfile(str(target))}
    assert set(suites) == set(LIGHT)
    assert suites["conv_output_size"].failures == 0
    assert suites["pool_output_size"].failures == suites["pool_output_size"].tests  # an untouched starter
    assert suites["autograd_basics"].errors == suites["autograd_basics"].tests


def test_github_format_fills_the_step_output(half_done, tmp_path):
    step_output = tmp_path / "github_output"
    result = grade("--submission", str(half_done), *ONLY, "--format", "github",
                   env={"GITHUB_OUTPUT": str(step_output)})
    data = as_json(result)
    jsonschema.validate(data, GITHUB_RUNNER_SCHEMA)
    assert data["status"] == "fail" and data["max_score"] == 30
    assert sum(t["score"] for t in data["tests"]) == pytest.approx(10)
    line = step_output.read_text().strip()
    assert json.loads(base64.b64decode(line.removeprefix("result="))) == data


def test_flat_layout_notebooks_and_repositories(tmp_path, catalog):
    flat = tmp_path / "flat"
    flat.mkdir()
    shutil.copy(ROOT / "solutions" / "05_convolution" / "conv_output_size.py", flat)
    notebook_submission(flat / "pool_output_size.ipynb", [catalog.get("pool_output_size")])
    repo = tmp_path / "repo"
    copy_tree(ROOT / "solutions", repo / "exercises", [catalog.get("autograd_basics")])
    (repo / "README.md").write_text("a student's repository")
    for folder, exercise in ((flat, "conv_output_size,pool_output_size"), (repo, "autograd_basics")):
        data = as_json(grade("--submission", str(folder), "--only", exercise, "--json"))
        assert data["score"] == data["max_score"] > 0, data
    notebook_result = as_json(grade("--submission", str(flat), "--only", "pool_output_size", "--json"))
    assert "%matplotlib inline" in notebook_result["exercises"][0]["notes"][0]


def test_single_notebook_submission(tmp_path, catalog):
    path = tmp_path / "work.ipynb"
    notebook_submission(path, [catalog.get("conv_output_size")])
    nbformat.validate(nbformat.read(str(path), as_version=4))
    result = grade("--submission", str(path), "--only", "conv_output_size,pool_output_size", "--json")
    data = as_json(result)
    assert result.exit_code == 1 and data["score"] == 10  # pool_output_size has no tagged cell
    assert "learn:pool_output_size" in data["exercises"][1]["notes"][0]


def test_solutions_from_a_private_folder(tmp_workspace, catalog):
    private = tmp_workspace.parent / "private-solutions"
    copy_tree(ROOT / "solutions", private, [catalog.get("conv_output_size")])
    key = private / "05_convolution" / "conv_output_size.py"
    key.write_text(key.read_text().replace("// stride + 1", "// stride + 2"))  # a different answer key
    solved = tmp_workspace / "exercises" / "05_convolution" / "conv_output_size.py"
    shutil.copy(ROOT / "solutions" / "05_convolution" / "conv_output_size.py", solved)
    assert grade("--only", "conv_output_size").exit_code == 0
    assert grade("--only", "conv_output_size", "--solutions", str(private)).exit_code == 1
    missing = grade("--only", "conv_output_size,pool_output_size", "--solutions", str(private), "--json")
    pool = as_json(missing)["exercises"][1]
    assert pool["status"] == "infra" and "reference solution" in pool["message"]


@pytest.mark.parametrize(
    "args, words",
    [
        (["--format", "xml"], "--format"),
        (["--submission", "a", "--submissions", "b"], "not both"),
        (["--only", "conv_outptu_size"], "did you mean conv_output_size"),
        (["--topic", "nope"], "unknown topic"),
        (["--submission", "no/such/folder"], "no such file"),
        (["--report", "r.html"], "--submissions"),
        (["--min-score", "lots"], "--min-score"),
        (["--submissions", "no/such/class"], "not a folder"),
        (["--solutions", "no/such/solutions"], "not a folder"),
        (["--submissions", "class", "--min-score", "5"], "--output-dir"),
    ],
)
def test_usage_errors_are_one_line(tmp_workspace, args, words):
    result = grade(*args, "--only", "conv_output_size") if "--only" not in args else grade(*args)
    assert result.exit_code == 2, result.output
    assert words in result.output and "Traceback" not in result.output


def test_topic_restricts_the_set(tmp_workspace, catalog):
    data = as_json(grade("--topic", "convolution", "--only", "conv_output_size,module_basics", "--json"))
    assert [e["exercise"] for e in data["exercises"]] == ["conv_output_size"]


def test_chinese_summary(half_done):
    result = grade("--submission", str(half_done), "--only", "conv_output_size", "--lang", "zh")
    assert result.exit_code == 0 and "总分：10/10 分" in result.stdout


def test_github_classroom_example_wires_the_reporter():
    workflow = (ROOT / "examples" / "github-classroom.yml").read_text(encoding="utf-8")
    assert "name: Autograding Tests" in workflow and "  run-autograding-tests:" in workflow
    assert "id: learn" in workflow and "learn grade --format github" in workflow
    # The reporter reads <RUNNER ID, upper-cased>_RESULTS for every runner it is given.
    assert 'LEARN_RESULTS: "${{ steps.learn.outputs.result }}"' in workflow and "runners: learn" in workflow
