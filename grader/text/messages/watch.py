"""`learn watch`'s own sentences (header, status line, keys, list, reset), in English and 中文.

Used by grader/cli/watch_screen.py, grader/usecases/watch.py and grader/cli/watch.py.
"""

from grader.text.bilingual import T

WATCH_MESSAGES: dict[str, T] = {
    # ---- the main screen -------------------------------------------------------------------------
    "ui_watch_header": T(
        "learn watch · {number}/{total} {exercise} · {title}",
        "learn watch（练习）· 第 {number}/{total} 题 {exercise} · {title}",
    ),
    "ui_watch_course": T("course {passed}/{total} passed", "课程进度：已通过 {passed}/{total}"),
    "ui_watch_status": T("status: {status}", "状态：{status}"),
    "ui_watch_checking": T("checking {file}…", "正在检查 {file}…"),
    "ui_watch_checking_cases": T(
        "checking… {done}/{total} cases done · {case}",
        "正在检查… 已完成 {done}/{total} 项 · {case}",
    ),
    "ui_watch_checking_all": T(
        "checking every exercise… {done}/{total} · {exercise}",
        "正在检查全部练习… {done}/{total} · {exercise}",
    ),
    "ui_watch_all_checked": T(
        "Checked every exercise: {passed} of {total} pass.",
        "全部练习已检查：{total} 道中通过 {passed} 道。",
    ),
    "ui_watch_footer": T(
        "Watching {file}: save it to check again.",
        "正在监视 {file}：保存文件即可重新检查。",
    ),
    "ui_watch_footer_passed": T(
        "Passed! Press n for the next exercise.",
        "通过了！按 n 进入下一道练习。",
    ),
    "ui_watch_not_checked": T(
        "Edit {file}, then save it: the check runs on every save.",
        "编辑 {file} 并保存：每次保存都会自动检查。",
    ),
    "ui_watch_next_locked": T(
        "Pass this exercise first: n moves on only after a passing check.",
        "请先通过这道练习：只有检查通过后才能按 n 继续。",
    ),
    "ui_watch_all_done": T("Every exercise has passed. Well done!", "所有练习都通过了，做得好！"),
    "ui_watch_pick_one": T(
        "Every exercise has passed: pick one to watch with `learn watch ID`.",
        "所有练习都已通过：用 `learn watch 练习名` 选一道来监视。",
    ),
    "ui_watch_hint_more": T(
        "Press h again for hint {next} of {total}.",
        "再按一次 h 查看第 {next}/{total} 条提示。",
    ),
    "ui_watch_hint_last": T(
        "That was the last of {total} hints.",
        "这是 {total} 条提示中的最后一条。",
    ),
    "ui_watch_needs_terminal": T(
        "learn watch needs a terminal: run it in a terminal window, or use `learn check ID` in scripts.",
        "learn watch 需要在终端里运行：请在终端窗口中使用它；脚本里请用 `learn check 练习名`。",
    ),
    # ---- keys (shown in the footer) --------------------------------------------------------------
    "ui_key_hint": T("hint", "提示"),
    "ui_key_statement": T("statement", "题目"),
    "ui_key_list": T("list", "列表"),
    "ui_key_next": T("next", "下一题"),
    "ui_key_check_all": T("check all", "全部检查"),
    "ui_key_quit": T("quit", "退出"),
    "ui_key_open": T("open", "打开"),
    "ui_key_reset": T("reset", "重置"),
    "ui_key_back": T("back", "返回"),
    "ui_key_yes": T("yes", "是"),
    "ui_key_no": T("no", "否"),
    # ---- the exercise list -----------------------------------------------------------------------
    "ui_watch_list_title": T(
        "Exercises: ↑/↓ to move, Enter to open, r to reset, Esc to go back",
        "练习列表：↑/↓ 移动，Enter 打开，r 重置，Esc 返回",
    ),
    "ui_watch_reset_confirm": T(
        "Reset {exercise} to its starter? Your version is saved under .learn/backups/ first "
        "(`learn reset {exercise} --undo` brings it back).",
        "把 {exercise} 重置为初始文件吗？你的版本会先保存到 .learn/backups/"
        "（`learn reset {exercise} --undo` 可以恢复）。",
    ),
    "ui_watch_reset_kept": T("Nothing was reset.", "没有重置任何文件。"),
}
