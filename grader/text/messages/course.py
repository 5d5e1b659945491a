"""The course layer's sentences: finding the workspace, a file that cannot be read, notebooks, the progress file.

Used by grader/course/workspace.py, grader/course/notebooks.py and grader/course/progress.py (and by
grader/usecases/export.py and grader/engine/runner.py for a file that cannot be read).
"""

from grader.text.bilingual import T

COURSE_MESSAGES: dict[str, T] = {
    # ---- finding the workspace (grader/course/workspace.py) --------------------------------------
    "err_no_workspace": T(
        "{here} is not inside a learn workspace. Create one with `learn init DIR` (then `cd DIR`), "
        "or cd into a workspace or a checkout of the course.",
        "{here} 不在任何 learn 工作区里。请用 `learn init 目录` 创建一个（然后 `cd 目录`），"
        "或者进入已有的工作区或课程仓库。",
    ),
    "err_catalog_missing": T(
        "{path} is missing: run `learn init DIR` for a fresh workspace.",
        "缺少 {path}：运行 `learn init 目录` 创建一个新的工作区。",
    ),
    # ---- a file that cannot be read (grader/course/notebooks.py, grader/usecases/export.py, grader/engine/runner.py)
    "err_cannot_read": T(
        "{path}: cannot be read ({reason})",
        "{path}：无法读取（{reason}）",
    ),
    # ---- notebooks (grader/course/notebooks.py) --------------------------------------------------
    "nb_no_tagged_cells": T(
        "The notebook has tagged cells, but none tagged {tag}: nothing was graded for this exercise.",
        "这个笔记本有带标签的单元格，但没有标签为 {tag} 的单元格：这道练习没有可评分的代码。",
    ),
    "nb_skipped_line": T(
        "Cell {cell}: `{line}` is IPython, not Python: it does nothing when the notebook is graded.",
        "第 {cell} 个单元格：`{line}` 是 IPython 语法而不是 Python：评分时它不执行任何操作。",
    ),
    "nb_check_instructions": T(
        "Write your code in the cell above (keep its `learn:{exercise}` tag), save the notebook, then check it:\n\n"
        "```\nlearn check {exercise} --file {file}\n```\n\n(run it from the workspace's root folder)",
        "在上面的单元格中写代码（保留它的 `learn:{exercise}` 标签），保存笔记本，然后检查：\n\n"
        "```\nlearn check {exercise} --file {file}\n```\n\n（在工作区的根目录下运行）",
    ),
    # ---- the progress file (grader/course/progress.py) -------------------------------------------
    "ui_progress_not_saved": T(
        "Your progress could not be saved ({path}: {reason}); the verdict above is still right.",
        "无法保存你的进度（{path}：{reason}）；上面的结果依然有效。",
    ),
}
