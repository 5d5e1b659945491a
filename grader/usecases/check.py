"""Use cases the CLI calls. They return results and never print."""

from __future__ import annotations

import importlib
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

from grader.course.catalog import Exercise
from grader.course.progress import ProgressNotSaved, load_progress, save_progress
from grader.course.workspace import Workspace
from grader.engine.engine import Engine, shared_engine
from grader.engine.refcache import ReferenceCache, default_cache_dir, reference_key
from grader.engine.runner import FrameCallback
from grader.errors import LearnError
from grader.judge.restrictions import file_violations, restricted_result
from grader.judge.verdict import judge
from grader.results import ExerciseResult, with_visibility
from grader.suite import Suite
from grader.text.i18n import T
from grader.wire import Limits, ProbeRequest


def load_suite(exercise: Exercise) -> Suite:
    """The exercise's check suite (importing it does not import torch)."""
    try:
        module = importlib.import_module(exercise.check_module)
    except ModuleNotFoundError:
        raise LearnError(T(f"exercise {exercise.id!r} has no check module {exercise.check_module}",
                            f"练习 {exercise.id!r} 没有检查模块 {exercise.check_module}")) from None
    return module.suite


def submission_file(path: Path) -> Path:
    """Validate a --file argument: an existing, readable Python file."""
    if not path.exists():
        raise LearnError(T(f"--file {path}: no such file", f"--file {path}：没有这个文件"))
    if path.is_dir():
        raise LearnError(T(f"--file {path}: is a folder, not a Python file",
                           f"--file {path}：这是文件夹，不是 Python 文件"))
    if path.suffix not in (".py", ".ipynb"):
        raise LearnError(T(f"--file {path}: expected a .py file or a .ipynb notebook",
                           f"--file {path}：需要一个 .py 文件或 .ipynb 笔记本"))
    try:
        path.read_bytes()
    except OSError as exc:
        raise LearnError(T(f"--file {path}: cannot be read ({exc.strerror})",
                           f"--file {path}：无法读取（{exc.strerror}）")) from None
    return path.resolve()


def grade_file(
    exercise: Exercise,
    learner_file: Path,
    solution_file: Path,
    *,
    timeout: float | None = None,
    engine: Engine | None = None,
    cache: ReferenceCache | None = None,
    on_frame: FrameCallback | None = None,
    cancel: threading.Event | None = None,
) -> ExerciseResult:
    """Run the learner's file and the reference in two probes at once, then judge (a bilingual verdict).

    `timeout` overrides the catalogue's time limit (seconds per probe). `on_frame` sees the
    learner's result frames as they arrive; setting `cancel` stops both probes (`grader.errors.Cancelled`).
    """
    engine = engine or shared_engine()
    cache = cache if cache is not None else shared_cache()
    suite = load_suite(exercise)
    if not solution_file.is_file():
        raise LearnError(T(f"the reference solution for {exercise.id!r} is missing: {solution_file}",
                           f"练习 {exercise.id!r} 的参考答案不见了：{solution_file}"))
    # Read statically, in this process, before anything runs: the learner's code is never imported here.
    violations = file_violations(learner_file, tuple(suite.restrictions))
    if violations:
        result = restricted_result(suite, violations, exercise.points)
        return replace(result, file=str(learner_file), hints=tuple(exercise.hints))
    limits = Limits(timeout=timeout or exercise.timeout, memory_mb=exercise.memory_mb)
    learner_request = ProbeRequest(exercise.check_module, str(learner_file), suite.needs, confined=True)
    reference_request = ProbeRequest(exercise.check_module, str(solution_file), suite.needs, confined=False)
    check_file = Path(str(importlib.import_module(exercise.check_module).__file__))
    key = reference_key(solution_file, check_file, reference_request)
    with ThreadPoolExecutor(max_workers=2) as pool:
        learner = pool.submit(engine.run, learner_request, limits, on_frame=on_frame, cancel=cancel)
        # Single flight: jobs that need the same reference wait for the one computing it, then share it.
        with cache.flight(key):
            reference_run = cache.get(key)
            if reference_run is None:
                reference_run = pool.submit(engine.run, reference_request, limits, cancel=cancel).result()
                cache.put(key, reference_run)
        result = judge(suite, learner.result(), reference_run, limits, exercise.points)
    result = with_visibility(result, [case.visibility for case in suite.cases])
    return replace(result, file=str(learner_file), hints=tuple(exercise.hints))


_shared_cache: ReferenceCache | None = None


def shared_cache() -> ReferenceCache:
    """The process-wide reference cache (memory, plus disk unless turned off)."""
    global _shared_cache
    if _shared_cache is None:
        _shared_cache = ReferenceCache(default_cache_dir())
    return _shared_cache


def check_exercise(
    ws: Workspace,
    exercise_id: str,
    *,
    file: Path | None = None,
    engine: Engine | None = None,
    cache: ReferenceCache | None = None,
    on_frame: FrameCallback | None = None,
    cancel: threading.Event | None = None,
) -> ExerciseResult:
    """Grade one exercise; record progress when the workspace's own file was graded.

    `on_frame` and `cancel` are passed to `grade_file` (live progress, stopping early).
    """
    exercise = ws.catalog().get(exercise_id)
    own_file = ws.exercise_path(exercise)
    learner_file = submission_file(file) if file is not None else own_file
    if not learner_file.is_file():
        raise LearnError(T(f"{learner_file} is missing: run `learn reset {exercise.id}` to get the starter back",
                           f"{learner_file} 不见了：运行 `learn reset {exercise.id}` 取回初始文件"))
    if learner_file.suffix == ".ipynb":
        from grader.course.notebooks import grade_notebook

        solution = ws.solution_path(exercise)
        return grade_notebook(learner_file, exercise.id,
                              lambda module: grade_file(exercise, module, solution, engine=engine, cache=cache))
    result = grade_file(exercise, learner_file, ws.solution_path(exercise), engine=engine, cache=cache,
                        on_frame=on_frame, cancel=cancel)
    if learner_file.resolve() == own_file.resolve():
        progress = load_progress(ws.progress_path)
        progress.record(exercise.id, result.passed, result.score, result.max_score)
        try:
            save_progress(ws.progress_path, progress)
        except ProgressNotSaved as exc:  # a read-only workspace: the verdict stands, say once it was not kept
            result = replace(result, notes=(*result.notes, T(exc.message, exc.in_lang("zh"))))
        if progress.recovered_from:  # say so: the learner's earlier progress was set aside, not lost silently
            from grader.text.i18n import text

            note = text("ui_progress_recovered", path=progress.recovered_from)
            result = replace(result, notes=(*result.notes, note))
    return result
