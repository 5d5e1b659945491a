"""The self-study commands' sentences: next, show, reset, solution, progress, init.

Used by grader/render/practice.py, grader/cli/practice.py, grader/usecases/practice.py and grader/usecases/reset.py.
"""

from grader.text.bilingual import T

PRACTICE_MESSAGES: dict[str, T] = {
    # ---- what the self-study commands print (grader/render/practice.py, grader/cli/practice.py) ----
    "ui_exercise_header": T("Exercise {number}/{total} · {exercise}", "练习 {number}/{total} · {exercise}"),
    "ui_your_file": T("Your file: {file}", "你的文件：{file}"),
    "ui_how_to_check": T(
        "Edit it, then run `learn check {exercise}`. Stuck? `learn hint {exercise}`.",
        "编辑它，然后运行 `learn check {exercise}`。卡住了？试试 `learn hint {exercise}`。",
    ),
    "ui_all_done": T(
        "All {total} exercises pass. Well done! `learn progress` shows the whole course.",
        "全部 {total} 道练习都已通过，做得好！运行 `learn progress` 查看整个课程。",
    ),
    "ui_reset_done": T("Restored the starter: {file}", "已恢复初始文件：{file}"),
    "ui_reset_saved": T("Your version was saved to {backup}", "你的版本已保存到 {backup}"),
    "ui_reset_nothing_saved": T(
        "Your file was already the starter (or missing), so there was nothing to save.",
        "你的文件本来就是初始文件（或不存在），因此无需保存。",
    ),
    "ui_reset_undo": T(
        "To get it back: `learn reset --undo {exercise}` (or copy {backup} to {file}).",
        "想要找回它：运行 `learn reset --undo {exercise}`（或把 {backup} 复制到 {file}）。",
    ),
    "ui_undo_done": T("Brought back {backup} into {file}", "已把 {backup} 恢复到 {file}"),
    "ui_undo_saved": T(
        "The version it replaced was saved to {backup}",
        "被替换的版本已保存到 {backup}",
    ),
    "ui_solution_title": T("Reference solution of {exercise} ({file})", "{exercise} 的参考答案（{file}）"),
    "ui_solution_untouched": T(
        "Read it and write your own: your file in exercises/ was not changed.",
        "读懂它，再自己写出来：exercises/ 中你的文件没有被改动。",
    ),
    "ui_solution_confirm": T(
        "You have not passed {exercise} yet. Looking now spoils the exercise. Show the solution anyway?",
        "你还没有通过 {exercise}。现在看答案会失去练习的意义。仍然要显示答案吗？",
    ),
    "ui_col_progress": T("progress", "进度"),
    "ui_col_passed": T("passed", "已通过"),
    "ui_no_activity": T("No activity yet: start with `learn next`.", "还没有任何练习记录：从 `learn next` 开始吧。"),
    "ui_last_activity": T("Last activity: {ago}.", "上次练习：{ago}。"),
    "ui_next_exercise": T("Next: {exercise} ({title}): `learn next`", "下一道：{exercise}（{title}）：`learn next`"),
    "ui_ago_now": T("just now", "刚刚"),
    "ui_ago_minute": T("{n} min ago", "{n} 分钟前"),
    "ui_ago_hour": T("{n} h ago", "{n} 小时前"),
    "ui_ago_day": T("{n} days ago", "{n} 天前"),
    "ui_init_done": T("Created a workspace with {count} exercises in {root}", "已在 {root} 创建工作区，共 {count} 道练习"),
    "ui_init_next": T("Next: cd {root} && learn next", "下一步：cd {root} && learn next"),
    "ui_solution_kept_closed": T(
        "Kept closed. `learn hint {exercise}` shows the next hint.",
        "暂不显示参考答案。`learn hint {exercise}` 可以查看下一条提示。",
    ),
    "ui_solution_kept_closed_no_hints_left": T(
        "Kept closed. You have seen every hint of {exercise}; `learn hint {exercise} --all` shows them again.",
        "暂不显示参考答案。{exercise} 的提示你已经全部看过；`learn hint {exercise} --all` 可以再看一遍。",
    ),
    # ---- init and reset refused (grader/usecases/practice.py, grader/usecases/reset.py) ----------
    "err_init_nested": T(
        "{dest} is inside the workspace {root}: a workspace cannot hold another one. "
        "Choose a folder outside it, or keep working in {root} (`learn next`).",
        "{dest} 位于工作区 {root} 之内，工作区里不能再建工作区。"
        "请选择工作区之外的文件夹，或者继续在 {root} 里练习（`learn next`）。",
    ),
    "err_init_exists": T(
        "{path} already exists and is never overwritten: cd {root} and run `learn next`, or choose another folder.",
        "{path} 已经存在，不会被覆盖：cd {root} 后运行 `learn next`，或者选择另一个文件夹。",
    ),
    "err_init_is_file": T(
        "{dest} is a file, not a folder: choose another place.",
        "{dest} 是一个文件，不是文件夹：请换一个位置。",
    ),
    "err_cannot_write": T(
        "cannot write {path}: {reason}. Nothing was changed; make the folder writable and try again.",
        "无法写入 {path}：{reason}。没有做任何改动；请让该文件夹可写后再试。",
    ),
    "err_file_nul": T(
        "{path} contains a NUL byte (line {line}), so Python cannot read it: it was probably saved as UTF-16 "
        "or pasted from a binary file. Save it again as UTF-8 text.",
        "{path} 中有 NUL 字节（第 {line} 行），Python 无法读取它：它可能被保存成了 UTF-16，"
        "或者从二进制文件里粘贴了内容。请把它重新保存为 UTF-8 文本。",
    ),
    "err_file_not_utf8": T(
        "{path} is not UTF-8 text (line {line}): save it again as UTF-8 in your editor.",
        "{path} 不是 UTF-8 文本（第 {line} 行）：请在编辑器里把它重新保存为 UTF-8。",
    ),
}
