"""What `learn check` and `learn list` print: the exercise table, a result, hints, value differences.

Used by grader/render/terminal.py (the table's columns and statuses also by grader/cli/watch_screen.py).
"""

from grader.text.bilingual import T

TERMINAL_MESSAGES: dict[str, T] = {
    "ui_col_number": T("#", "#"),
    "ui_col_id": T("id", "编号"),
    "ui_col_topic": T("topic", "主题"),
    "ui_col_title": T("title", "标题"),
    "ui_col_status": T("status", "状态"),
    "ui_status_passed": T("passed", "已通过"),
    "ui_status_failing": T("failing", "未通过"),
    "ui_status_not_started": T("not started", "未开始"),
    "ui_progress_line": T(
        "Progress: {passed}/{total} exercises passed ({percent}%).",
        "进度：已通过 {passed}/{total} 道练习（{percent}%）。",
    ),
    "ui_result_passed": T(
        "{exercise}: all {total} checks passed ({score:g}/{max_score:g} points).",
        "{exercise}：全部 {total} 项检查通过（{score:g}/{max_score:g} 分）。",
    ),
    "ui_result_failed": T(
        "{exercise}: {passed} of {total} checks passed ({score:g}/{max_score:g} points).",
        "{exercise}：{total} 项检查中通过了 {passed} 项（{score:g}/{max_score:g} 分）。",
    ),
    "ui_same_as_above": T("(same problem as above)", "（与上面的问题相同）"),
    "ui_learner_output": T("what your code printed", "你的代码打印的内容"),
    "ui_next_step_failed": T(
        "Edit {file} and run `{command}` again. Stuck? `learn hint {exercise}`.",
        "修改 {file} 后再次运行 `{command}`。卡住了？试试 `learn hint {exercise}`。",
    ),
    "ui_hints_title": T("Hints for {exercise}", "{exercise} 的提示"),
    "ui_no_hints": T("No hints for this exercise.", "这道练习没有提示。"),
    "ui_next_step_next": T(
        "Well done! `learn next` shows the next exercise; `learn solution {exercise}` shows the reference answer.",
        "做得好！运行 `learn next` 查看下一道练习；`learn solution {exercise}` 可以查看参考答案。",
    ),
    "ui_hints_levels": T(" ({shown} of {total})", "（第 {shown}/{total} 条）"),
    "ui_hints_more": T(
        "Run `learn hint {exercise}` again for hint {next} of {total}, or `learn hint {exercise} --all`.",
        "再次运行 `learn hint {exercise}` 查看第 {next}/{total} 条提示，或运行 `learn hint {exercise} --all`。",
    ),
    "ui_hints_last": T(
        "That was the last of {total} hints. Once you pass, `learn solution {exercise}` shows the reference answer.",
        "这是 {total} 条提示中的最后一条。通过之后，`learn solution {exercise}` 可以查看参考答案。",
    ),
    "ui_diff_expected": T("expected", "期望"),
    "ui_diff_got": T("got", "实际"),
    "ui_diff_window": T(
        "around the first difference: values [{window}] of a tensor of shape {shape}",
        "第一个不同之处附近：形状为 {shape} 的张量中的 [{window}]",
    ),
    "ui_hint_lead": T("hint: ", "提示："),
}
