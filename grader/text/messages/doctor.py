"""`learn doctor`'s sentences: each check, what it found, how to fix it.

Used by grader/usecases/doctor.py and grader/render/practice.py.
"""

from grader.text.bilingual import T

DOCTOR_MESSAGES: dict[str, T] = {
    # ---- the report (grader/render/practice.py) --------------------------------------------------
    "ui_doctor_ok": T("Everything is ready.", "一切就绪。"),
    "ui_doctor_problems": T("{count} problem(s) found; the fix is given for each.", "发现 {count} 个问题，每个问题都给出了解决办法。"),
    # ---- the checks (grader/usecases/doctor.py) --------------------------------------------------
    "doctor_fix_isolation": T(
        "Learner code is confined less than it could be here ({missing}). For grading untrusted code, run learn where user namespaces are allowed (not in a container that refuses unshare), or pass --require-isolation to learn grade so it refuses to start.",
        "这里对学习者代码的隔离不完整（{missing}）。要评测不可信的代码，请在允许用户命名空间的环境中运行 learn（不要在禁止 unshare 的容器里），或者给 learn grade 加上 --require-isolation，让它拒绝在这种环境下运行。",
    ),
    "doctor_python": T("Python", "Python 版本"),
    "doctor_fix_python": T("Install Python {version} or newer.", "请安装 Python {version} 或更高版本。"),
    "doctor_torch": T("torch", "torch 版本"),
    "doctor_fix_torch": T(
        "Install PyTorch: pip install torch (see pytorch.org for the command for your machine).",
        "请安装 PyTorch：pip install torch（适合你机器的命令见 pytorch.org）。",
    ),
    "doctor_torchvision": T("torchvision", "torchvision 版本"),
    "doctor_fix_torchvision": T(
        "Install torchvision matching your torch: pip install torchvision.",
        "请安装与 torch 版本匹配的 torchvision：pip install torchvision。",
    ),
    "doctor_cuda": T("CUDA (NVIDIA GPU)", "CUDA（英伟达 GPU）"),
    "doctor_mps": T("MPS (Apple GPU)", "MPS（苹果 GPU）"),
    "doctor_threads": T("CPU threads", "CPU 线程"),
    "doctor_workspace": T("workspace", "工作区"),
    "doctor_fix_workspace": T(
        "Run `learn init DIR` to create a workspace, then cd into it.",
        "运行 `learn init DIR` 创建工作区，然后 cd 进入它。",
    ),
    "doctor_catalog": T("catalogue", "练习目录"),
    "doctor_fix_catalog": T(
        "Fix exercises/info.toml as the message says, or create a fresh workspace with `learn init DIR`.",
        "按照提示修正 exercises/info.toml，或用 `learn init DIR` 创建新的工作区。",
    ),
    "doctor_solutions": T("solutions", "参考答案"),
    "doctor_fix_solutions": T(
        "Reinstall the course from a source checkout (pip install -e .), or pass --solutions DIR to check.",
        "从源码目录重新安装课程（pip install -e .），或在检查时用 --solutions DIR 指定答案目录。",
    ),
    "doctor_progress": T("progress file", "进度文件"),
    "doctor_fix_progress": T(
        "{path} cannot be read: delete it (progress starts again) or run `learn list`, which sets it aside.",
        "{path} 无法读取：删除它（进度将重新开始），或运行 `learn list`，它会把该文件移到一旁。",
    ),
    "doctor_exercises": T("exercises", "练习"),
    "doctor_starter": T("starter of {exercise}", "{exercise} 的初始文件"),
    "doctor_fix_starter": T("Get it back with `learn reset {exercise}`.", "用 `learn reset {exercise}` 找回它。"),
    "doctor_solution": T("solution of {exercise}", "{exercise} 的参考答案"),
    "doctor_fix_solution": T(
        "The course is incomplete: reinstall it from a source checkout (pip install -e .).",
        "课程不完整：请从源码目录重新安装（pip install -e .）。",
    ),
    "doctor_checks": T("checks of {exercise}", "{exercise} 的检查"),
    "doctor_fix_checks": T(
        "The course is incomplete: grader/checks/{exercise}.py is missing; reinstall (pip install -e .).",
        "课程不完整：缺少 grader/checks/{exercise}.py；请重新安装（pip install -e .）。",
    ),
    "doctor_isolation": T("isolation", "隔离"),
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
