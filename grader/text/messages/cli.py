"""The command line's own sentences (errors, workspace, interruption), in English and 中文.

Merged into `grader.text.messages.MESSAGES`, so the same tests cover them.
"""

from grader.text.i18n import T

CLI_MESSAGES: dict[str, T] = {
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
    "err_os": T(
        "{path}: {reason}.",
        "{path}：{reason}。",
    ),
    "ui_progress_not_saved": T(
        "Your progress could not be saved ({path}: {reason}); the verdict above is still right.",
        "无法保存你的进度（{path}：{reason}）；上面的结果依然有效。",
    ),
    "ui_error_prefix": T("error: ", "错误："),
    "ui_interrupted": T("interrupted", "已中断"),
    "ui_hint_lead": T("hint: ", "提示："),
    "ui_checking": T("checking {exercise}…", "正在检查 {exercise}……"),
    "ui_checking_cases": T("({done} checks done)", "（已完成 {done} 项检查）"),
    "explain_stack_sizes": T(
        "torch.stack joins tensors of exactly the same shape along a NEW dimension. To join along an existing "
        "dimension (the sizes there may differ), use torch.cat(tensors, dim=...).",
        "torch.stack 只能把形状完全相同的张量沿一个【新】维度堆叠起来。要沿已有的维度拼接（该维度上的大小可以不同），"
        "请用 torch.cat(tensors, dim=...)。",
    ),
    "ui_solution_kept_closed_no_hints_left": T(
        "Kept closed. You have seen every hint of {exercise}; `learn hint {exercise} --all` shows them again.",
        "暂不显示参考答案。{exercise} 的提示你已经全部看过；`learn hint {exercise} --all` 可以再看一遍。",
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
    "wrong_shape_dims": T(
        "{where}: expected shape {expected_shape} ({expected} dimensions), got {got_shape} ({got} dimensions).",
        "{where}：期望形状为 {expected_shape}（{expected} 维），实际是 {got_shape}（{got} 维）。",
    ),
    "doctor_writable": T("workspace writable", "工作区可写"),
    "doctor_available": T("available", "可用"),
    "doctor_not_available": T("not available", "不可用"),
    "doctor_threads_detail": T("torch uses {used} of {cpus} CPUs", "torch 使用 {cpus} 个 CPU 中的 {used} 个"),
    "doctor_cuda_missing": T(
        "not available (exercises run on the CPU; device checks use the meta device)",
        "不可用（练习在 CPU 上运行；设备相关的检查使用 meta 设备）",
    ),
    "doctor_cuda_devices": T("{count} device(s): {name}", "{count} 个设备：{name}"),
    "doctor_catalog_detail": T("{count} exercises in {path}", "{path} 中共 {count} 道练习"),
    "doctor_progress_unwritten": T("{path} (not written yet)", "{path}（尚未写入）"),
    "doctor_exercises_detail": T(
        "{count} of {count} have a starter, a solution and checks",
        "{count} 道练习都有初始文件、参考答案和检查",
    ),
    "doctor_fix_writable": T(
        "Progress, backups and resets need to write in {path}: make it writable (or `learn init DIR` somewhere you can write).",
        "进度、备份和重置都需要写入 {path}：请让它可写（或者在可写的位置运行 `learn init 目录`）。",
    ),
}
