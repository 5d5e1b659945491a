"""`learn doctor`: is this machine and this workspace ready to practise? Returns findings, never prints.

Every finding that is a problem carries its fix. This is the one command
that imports torch on purpose: it reports torch's version, devices and threads.
"""

from __future__ import annotations

import importlib.util
import json
import os
import platform
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from grader.course.catalog import Catalog
from grader.course.workspace import Workspace
from grader.errors import LearnError
from grader.outcomes import Finding
from grader.text.i18n import T, text

if TYPE_CHECKING:
    from grader.usecases.daemon import DaemonStatus

MIN_PYTHON = (3, 10)


def diagnose(ws: Workspace | None = None) -> list[Finding]:
    """Every finding about the Python environment, the devices and the workspace."""
    findings = [python_finding(), *torch_findings(), isolation_finding(), daemon_finding()]
    if ws is None:
        try:
            ws = Workspace.discover()
        except LearnError as exc:
            detail = T(exc.message, exc.in_lang("zh"))
            return [*findings, Finding(text("doctor_workspace"), False, detail, text("doctor_fix_workspace"))]
    return findings + workspace_findings(ws)


def python_finding() -> Finding:
    version = platform.python_version()
    if sys.version_info[:2] >= MIN_PYTHON:
        return Finding(text("doctor_python"), True, version)
    return Finding(text("doctor_python"), False, version, text("doctor_fix_python", version="3.10"))


def torch_findings() -> list[Finding]:
    """torch and torchvision versions, CUDA and MPS, and CPU threads."""
    try:
        import torch
    except Exception as exc:  # a broken install raises more than ImportError
        return [Finding(text("doctor_torch"), False, f"{type(exc).__name__}: {exc}", text("doctor_fix_torch"))]
    findings = [Finding(text("doctor_torch"), True, torch.__version__)]
    try:
        import torchvision

        findings.append(Finding(text("doctor_torchvision"), True, torchvision.__version__))
    except Exception as exc:
        findings.append(Finding(text("doctor_torchvision"), False, f"{type(exc).__name__}: {exc}",
                                text("doctor_fix_torchvision")))
    findings.append(Finding(text("doctor_cuda"), True, _cuda_detail(torch)))
    mps = getattr(torch.backends, "mps", None)
    available = mps is not None and mps.is_available()
    state = text("doctor_available" if available else "doctor_not_available")
    findings.append(Finding(text("doctor_mps"), True, state))
    findings.append(Finding(text("doctor_threads"), True,
                            text("doctor_threads_detail", used=torch.get_num_threads(), cpus=os.cpu_count())))
    return findings


def isolation_finding() -> Finding:
    """How learner code is confined on this machine (see README, "Limits and isolation")."""
    from grader import sandbox

    layers = sandbox.describe()
    detail = T(sandbox.describe_in("en", layers), sandbox.describe_in("zh", layers))
    missing = sandbox.missing_layers(layers)
    return Finding(text("doctor_isolation"), not missing, detail,
                   text("doctor_fix_isolation", missing="; ".join(missing)) if missing else None)


DAEMON_LABEL = T("check daemon", "检查守护进程")


def daemon_finding() -> Finding:
    """Whether this user's warm `learn check` daemon runs: its pid, age and memory (see grader.usecases.daemon)."""
    from grader.usecases import daemon

    if not daemon.wanted():
        return Finding(DAEMON_LABEL, True,
                       T("off (LEARN_NO_DAEMON=1, LEARN_COLD=1 or not Linux): each check runs alone",
                         "已关闭（LEARN_NO_DAEMON=1、LEARN_COLD=1 或不是 Linux）：每次检查单独运行"))
    try:
        running = daemon.status()
    except daemon.FolderRefused as exc:
        folder = exc.folder
        return Finding(DAEMON_LABEL, False,
                       T(f"not used: {exc}", f"未使用：{folder} 的所有者或权限不安全（其他用户可能进入）"),
                       T(f"Run `chmod 700 {folder}` if the folder is yours, or set LEARN_DAEMON_DIR to a folder of "
                         "your own; until then every check runs alone.",
                         f"如果这个文件夹属于你，运行 `chmod 700 {folder}`；"
                         "否则把 LEARN_DAEMON_DIR 设为你自己的文件夹。在此之前每次检查都单独运行。"))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return Finding(DAEMON_LABEL, True, T(f"not running ({reason})", f"未运行（{reason}）"))
    if running is None:
        return Finding(DAEMON_LABEL, True, T("not running: the next `learn check` starts one",
                                             "未运行：下一次 `learn check` 会启动它"))
    return Finding(DAEMON_LABEL, True, describe_daemon(running))


def describe_daemon(running: DaemonStatus) -> T:
    """pid, age, what it costs in memory, and whether the next check replaces it."""
    import time

    minutes = max(0, round((time.time() - running.started) / 60))
    rss = f"{running.rss_kib / 1024:.0f} MiB"
    pss = f"{running.pss_kib / 1024:.0f} MiB" if running.pss_kib is not None else None
    en_memory = f"{pss} PSS ({rss} RSS)" if pss else f"{rss} RSS"
    zh_memory = f"{pss} PSS（{rss} RSS）" if pss else f"{rss} RSS"
    idle = round(running.idle_seconds / 60)
    en = (f"running: pid {running.pid}, for {minutes} min, {running.processes} processes using {en_memory}; "
          f"exits after {idle} min without a check (`learn daemon stop` stops it now)")
    zh = (f"运行中：pid {running.pid}，已运行 {minutes} 分钟，{running.processes} 个进程共占用 {zh_memory}；"
          f"{idle} 分钟没有检查就退出（`learn daemon stop` 立即停止）")
    if not running.current:
        en += "; stale (another version or environment): the next check replaces it"
        zh += "；已过期（版本或环境不同）：下一次检查会替换它"
    return T(en, zh)


def _cuda_detail(torch: object) -> T:
    cuda = torch.cuda  # type: ignore[attr-defined]
    if not cuda.is_available():
        return text("doctor_cuda_missing")
    return text("doctor_cuda_devices", count=cuda.device_count(), name=cuda.get_device_name(0))


def workspace_findings(ws: Workspace) -> list[Finding]:
    """Where the workspace, solutions and progress are, and whether every exercise is complete."""
    findings = [Finding(text("doctor_workspace"), True, str(ws.root))]
    try:
        catalog = ws.catalog()
    except LearnError as exc:
        problem = T(exc.message, exc.in_lang("zh"))
        return [*findings, Finding(text("doctor_catalog"), False, problem, text("doctor_fix_catalog"))]
    findings.append(Finding(text("doctor_catalog"), True,
                            text("doctor_catalog_detail", count=len(catalog.exercises), path=ws.catalog_path)))
    findings.append(solutions_finding(ws))
    findings.append(progress_finding(ws.progress_path))
    findings.append(writable_finding(ws))
    return findings + exercise_findings(ws, catalog)


def solutions_finding(ws: Workspace) -> Finding:
    if ws.solutions.is_dir():
        return Finding(text("doctor_solutions"), True, str(ws.solutions))
    return Finding(text("doctor_solutions"), False, str(ws.solutions), text("doctor_fix_solutions"))


def progress_finding(path: Path) -> Finding:
    """Where progress is kept, and whether the file there can be read (without moving it aside)."""
    if not path.exists():
        return Finding(text("doctor_progress"), True, text("doctor_progress_unwritten", path=path))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        readable = isinstance(data, dict) and isinstance(data.get("exercises"), dict)
    except (OSError, ValueError):
        readable = False
    if readable:
        return Finding(text("doctor_progress"), True, str(path))
    return Finding(text("doctor_progress"), False, str(path), text("doctor_fix_progress", path=path))


def writable_finding(ws: Workspace) -> Finding:
    """Whether progress, backups and resets can be written: try it with a throw-away file."""
    folder = ws.state_dir if ws.state_dir.is_dir() else ws.root
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        detail = f"{folder}: {exc.strerror or exc}"
        return Finding(text("doctor_writable"), False, detail, text("doctor_fix_writable", path=folder))
    return Finding(text("doctor_writable"), True, str(folder))


def exercise_findings(ws: Workspace, catalog: Catalog) -> list[Finding]:
    """One finding per missing starter, solution or check module; a single line when all are there."""
    problems = []
    for exercise in catalog.exercises:
        if not ws.exercise_path(exercise).is_file():
            problems.append(Finding(text("doctor_starter", exercise=exercise.id), False,
                                    str(ws.exercise_path(exercise)), text("doctor_fix_starter", exercise=exercise.id)))
        if not ws.solution_path(exercise).is_file():
            problems.append(Finding(text("doctor_solution", exercise=exercise.id), False,
                                    str(ws.solution_path(exercise)), text("doctor_fix_solution")))
        if importlib.util.find_spec(exercise.check_module) is None:
            problems.append(Finding(text("doctor_checks", exercise=exercise.id), False,
                                    exercise.check_module, text("doctor_fix_checks", exercise=exercise.id)))
    if problems:
        return problems
    count = len(catalog.exercises)
    return [Finding(text("doctor_exercises"), True, text("doctor_exercises_detail", count=count))]
