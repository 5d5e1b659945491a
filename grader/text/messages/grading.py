"""`learn grade` and `learn export`'s sentences: one submission, a class, the notebooks written.

Used by grader/usecases/grade.py, grader/usecases/classroom.py, grader/results.py, grader/cli/grade.py
and grader/render/formats/.
"""

from grader.text.bilingual import T

GRADING_MESSAGES: dict[str, T] = {
    # ---- learn grade: one submission -------------------------------------------------------------
    "grade_missing_file": T(
        "No file for this exercise: expected {path}. It scores 0.",
        "没有找到这道练习的文件：应为 {path}。本题记 0 分。",
    ),
    "grade_outside_link": T(
        "{path} is a link to a file outside the submission, so it was not graded.",
        "{path} 是指向提交目录之外文件的链接，因此没有评分。",
    ),
    "grade_grader_error": T(
        "The grader could not grade this exercise ({detail}). This is not the student's fault: please report it.",
        "评分器无法为这道练习评分（{detail}）。这不是学生的问题：请报告它。",
    ),
    "grade_col_exercise": T("exercise", "练习"),
    "grade_col_checks": T("checks", "检查"),
    "grade_col_points": T("points", "得分"),
    "grade_col_status": T("status", "状态"),
    "grade_status_passed": T("passed", "通过"),
    "grade_status_failed": T("failed", "未通过"),
    "grade_status_error": T("not graded", "无法评分"),
    "grade_status_infra": T("grader error", "评分器错误"),
    "grade_total": T(
        "Total: {score:g}/{max_score:g} points ({percent}%), {passed} of {total} exercises passed.",
        "总分：{score:g}/{max_score:g} 分（{percent}%），{total} 道练习中通过了 {passed} 道。",
    ),
    "grade_min_score_met": T(
        "The score {score:g} reaches the minimum of {minimum:g}.",
        "得分 {score:g} 达到了最低要求 {minimum:g}。",
    ),
    "grade_min_score_missed": T(
        "The score {score:g} is below the minimum of {minimum:g}.",
        "得分 {score:g} 低于最低要求 {minimum:g}。",
    ),
    "grade_wrote": T("Wrote {path}.", "已写入 {path}。"),
    "case_hidden_failed": T(
        "This hidden check failed; its details are not shown.",
        "这项隐藏检查未通过；不显示它的细节。",
    ),
    # ---- learn grade --submissions: a class ------------------------------------------------------
    "class_unreadable": T(
        "This submission could not be opened: {detail}",
        "无法打开这份提交：{detail}",
    ),
    "class_progress": T("Grading {count} submissions", "正在评分 {count} 份提交"),
    "class_report_title": T("Class results", "全班成绩"),
    "class_rates_title": T("Pass rate per exercise", "各练习通过率"),
    "class_students_title": T("Students", "学生"),
    "class_col_passed": T("passed", "通过人数"),
    "class_col_rate": T("pass rate", "通过率"),
    "class_col_mean": T("mean score", "平均得分率"),
    "class_col_student": T("student", "学生"),
    "class_col_total": T("total", "总分"),
    "class_col_note": T("note", "备注"),
    "class_summary": T(
        "Graded {count} submissions in {seconds} s ({per_submission} s per submission, {jobs} jobs).",
        "共评分 {count} 份提交，用时 {seconds} 秒（每份 {per_submission} 秒，{jobs} 个并行任务）。",
    ),
    "class_wrote": T(
        "Wrote {csv} and {count} result documents in {folder}.",
        "已写入 {csv}，以及 {folder} 中的 {count} 份结果文件。",
    ),
    # ---- learn export --notebook (grader/cli/grade.py) -------------------------------------------
    "export_wrote": T("Wrote {path}.", "已写入 {path}。"),
    "export_kept": T(
        "{path} already exists and was kept: delete or move it to export it again.",
        "{path} 已存在，已保留原文件：如需重新导出，请先删除或移走它。",
    ),
}
