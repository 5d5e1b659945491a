"""Messages that used to mislead a learner.

Typos, unreadable files, a syntax error, torch.stack, the locked solution.
"""

from __future__ import annotations

from typer.testing import CliRunner

from grader.cli.app import app
from grader.judge.explain import explain_error
from grader.wire import ErrorRecord

runner = CliRunner()


def learn(*args: str, input: str | None = None):
    result = runner.invoke(app, list(args), input=input)
    return result, " ".join(result.output.split())


def test_did_you_mean_offers_only_close_ids(tmp_workspace):
    result, said = learn("show", "tensr_create")
    assert result.exit_code == 2 and "did you mean tensor_create" in said
    assert "flatten_features" not in said
    result, said = learn("show", "nonexistent")
    assert result.exit_code == 2 and "did you mean" not in said and "learn list" in said
    result, said = learn("show", "tensr_create", "--lang", "zh")
    assert "你是不是想输入 tensor_create" in said


def test_a_nul_byte_or_non_utf8_file_is_named_before_anything_runs(tmp_path, tmp_workspace):
    nul = tmp_path / "nul.py"
    nul.write_bytes(b"x = 1\n\x00\n")
    result, said = learn("check", "conv_output_size", "--file", str(nul))
    assert result.exit_code == 2 and "NUL byte (line 2)" in said and "line ?" not in said
    latin = tmp_path / "latin.py"
    latin.write_bytes(b"# caf\xe9\n")
    result, said = learn("check", "conv_output_size", "--file", str(latin), "--lang", "zh")
    assert result.exit_code == 2 and "不是 UTF-8 文本（第 1 行）" in said


def test_a_syntax_error_is_one_message(tmp_path, tmp_workspace):
    broken = tmp_path / "broken.py"
    broken.write_text("def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1)\n    return 1\n")
    result, said = learn("check", "conv_output_size", "--file", str(broken))
    assert result.exit_code == 1
    assert said.count("Syntax error") == 1
    assert "same problem as above" not in said and result.output.count("✗") == 1
    assert f"learn check conv_output_size --file {broken}" in said  # the next step repeats the --file given


def test_an_exported_notebook_says_how_to_check_it_from_the_workspace_root(tmp_workspace):
    import json

    result, _ = learn("export", "--notebook", "notebooks", "--only", "tensor_create")
    assert result.exit_code == 0, result.output
    notebook = json.loads((tmp_workspace / "notebooks" / "tensor_create.ipynb").read_text(encoding="utf-8"))
    footer = "".join(notebook["cells"][-1]["source"])
    assert "learn check tensor_create --file notebooks/tensor_create.ipynb" in footer
    assert (tmp_workspace / "notebooks" / "tensor_create.ipynb").is_file()  # the path is right from the root


def test_torch_stack_in_the_learners_own_line_is_not_dataloader_advice():
    own = ErrorRecord("RuntimeError", ("RuntimeError", "Exception"),
                      "stack expects each tensor to be equal size, but got [2, 3] at entry 0 and [2] at entry 1",
                      5, "return torch.stack([a, b], dim=0)", None, True)
    explained = explain_error(own).en
    assert "torch.cat" in explained and "DataLoader" not in explained
    batch = ErrorRecord("RuntimeError", ("RuntimeError", "Exception"),
                        "stack expects each tensor to be equal size, but got [3, 8] at entry 0 and [3, 9] at entry 1",
                        9, "images, labels = next(iter(loader))", None, True)
    assert "DataLoader" in explain_error(batch).en


def test_the_locked_solution_offers_no_hint_once_all_were_seen(tmp_workspace):
    result, said = learn("solution", "conv_output_size", "--force", input="n\n")
    assert result.exit_code == 1 and "shows the next hint" in said
    assert learn("hint", "conv_output_size", "--all")[0].exit_code == 0
    result, said = learn("solution", "conv_output_size", "--force", input="n\n")
    assert result.exit_code == 1 and "next hint" not in said and "every hint" in said


def test_an_empty_file_says_the_name_is_not_defined_without_internal_names(tmp_path, tmp_workspace):
    empty = tmp_path / "empty.py"
    empty.write_text("")
    result, said = learn("check", "conv_output_size", "--file", str(empty))
    assert result.exit_code == 1
    assert "does not define: conv_output_size" in said
    assert "submission" not in said and said.count("does not define") == 1


def test_internal_module_names_never_reach_the_learner():
    from grader.render.terminal import learner_words

    said = learner_words("AttributeError: module 'submission' has no attribute 'PairDataset' (submission.PairDataset)")
    assert "submission" not in said and "'PairDataset' is not defined in your file" in said


def test_shapes_and_single_numbers_are_described_as_a_learner_reads_them():
    import numpy as np

    from grader.judge.compare import first_difference, value_difference

    shape = first_difference([1], [1, 10], atol=0, rtol=0, path="out.shape")
    assert "expected shape (1, 10) (2 dimensions), got (1,)" in shape.en and "items" not in shape.en
    assert "2 维" in shape.zh and "个元素" not in shape.zh
    assert "items" in first_difference([1, 2], [1, 2, 3], atol=0, rtol=0, path="values").en  # a list has items
    single = value_difference(np.array(2.0), np.array(3.0), atol=1e-5, rtol=1e-4, where="loss")
    assert single.en == "loss: expected 3, got 2." and "index" not in single.en
