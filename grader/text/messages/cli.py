"""The command line's own sentences (errors, interruption, progress of a check), in English and 中文.

Used by grader/cli/.
"""

from grader.text.bilingual import T

CLI_MESSAGES: dict[str, T] = {
    "ui_progress_recovered": T(
        "The progress file could not be read; it was moved to {path} and progress starts again.",
        "进度文件无法读取，已移到 {path}，进度将重新开始记录。",
    ),
    "err_os": T(
        "{path}: {reason}.",
        "{path}：{reason}。",
    ),
    "ui_error_prefix": T("error: ", "错误："),
    "ui_interrupted": T("interrupted", "已中断"),
    "ui_checking": T("checking {exercise}…", "正在检查 {exercise}……"),
    "ui_checking_cases": T("({done} checks done)", "（已完成 {done} 项检查）"),
}
