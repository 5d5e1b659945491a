"""The judge: turns two probe runs (learner and reference) into a verdict.

Runs in the trusted parent. It reads only decoded plain data from the
probes, never imports learner code and never needs torch. Anything missing,
late or malformed from the learner's probe is a failed case with a reason,
never a pass.
"""

from __future__ import annotations

import signal
from typing import Any

from grader.judge.compare import first_difference
from grader.judge.explain import explain_error
from grader.results import ERROR, FAILED, INFRA, NO_TEXT, PASSED, CaseResult, ExerciseResult
from grader.suite import Accepted, Case, Instead, Suite
from grader.text.i18n import LINES, T, text
from grader.wire import ErrorRecord, Frame, FrameKind, Limits, ProbeRun, ProtocolError, decode_value


def judge(
    suite: Suite, learner: ProbeRun, reference: ProbeRun, limits: Limits, points: float | None = None
) -> ExerciseResult:
    """Compare the learner's run with the reference's, case by case; every text in the verdict is bilingual.

    Case weights are scaled so that a fully passed exercise earns `points`
    (the catalogue's value), or the suite's own total when it is None. The
    judge never dies: a bug of its own, whatever the probe sent, becomes a
    "grader error" for this exercise, and the rest of a run goes on.
    """
    try:
        return _judge(suite, learner, reference, limits, points)
    except Exception as exc:
        detail = f"{type(exc).__name__}: {exc}"[:300]
        problem = text("grader_error", detail=detail)
        scale = points / suite.max_points if points and suite.max_points else 1.0
        cases = tuple(_case_result(case, problem, scale) for case in suite.cases)
        return ExerciseResult(suite.exercise, INFRA, cases, message=problem)


def _judge(
    suite: Suite, learner: ProbeRun, reference: ProbeRun, limits: Limits, points: float | None
) -> ExerciseResult:
    scale = points / suite.max_points if points and suite.max_points else 1.0
    broken = reference_problem(suite, reference)
    if broken:
        problem = text("reference_broken", detail=broken)
        cases = tuple(_case_result(case, problem, scale) for case in suite.cases)
        return ExerciseResult(suite.exercise, INFRA, cases, message=problem)
    forged = unknown_cases(suite, learner)
    whole_file = file_problem(suite, learner, limits) or forged
    learned = {} if forged else learner.case_frames()
    expected = reference.case_frames()
    results = []
    for case in suite.cases:
        frame = learned.get(case.index)
        if frame is None:
            reason = whole_file or text("case_not_reached")
            results.append(_case_result(case, reason, scale))
            continue
        results.append(_judge_case(case, frame, expected[case.index], scale))
    # notes: checks that could not apply to this code, and why (see grader.suite.Accepted)
    notes = tuple(dict.fromkeys(r.message for r in results if r.passed and r.message != NO_TEXT))
    if all(r.passed for r in results) and not whole_file:
        status = PASSED
    else:
        status = ERROR if whole_file and not learned else FAILED
    return ExerciseResult(
        exercise=suite.exercise,
        status=status,
        cases=tuple(results),
        message=whole_file or NO_TEXT,
        stdout=learner.stdout,
        stderr=learner.stderr,
        seconds=learner.seconds,
        notes=notes,
    )


def _judge_case(case: Case, frame: Frame, reference_frame: Frame, scale: float) -> CaseResult:
    try:
        got = decode_value(frame.value)
    except ProtocolError as exc:
        return _case_result(case, text("protocol", detail=str(exc)), scale)
    try:
        wanted = decode_value(reference_frame.value)
    except ProtocolError as exc:
        return _case_result(case, text("reference_broken", detail=str(exc)), scale)
    if isinstance(wanted, ErrorRecord) and not wanted.in_learner_code:
        # The reference's error never passed through the solution: the check itself broke,
        # and a learner whose run breaks the same way has not earned the point.
        detail = f"{wanted.type}: {wanted.message}"[:300]
        return _case_result(case, text("reference_broken", detail=detail), scale)
    leak = _leaked_state(frame, reference_frame)
    if leak is not None:
        return _case_result(case, leak, scale)
    if case.keys and isinstance(wanted, dict):
        wanted = {key: wanted[key] for key in case.keys if key in wanted}
    problem = _apply_rule(case, got, wanted) if case.rule else first_difference(
        got, wanted, atol=case.atol, rtol=case.rtol)
    seconds = frame.seconds  # the judge's clock (runner)
    if problem is None or isinstance(problem, Accepted):
        note = T(problem.en, problem.zh) if problem else NO_TEXT  # a passed case's message is a note for the learner
        return CaseResult(case.name, True, case.points * scale, case.points * scale, note, seconds=seconds)
    cells = getattr(problem, "diff", None)  # values to draw side by side (grader.judge.diffcells)
    diagnosis = _diagnose(case, got, wanted)
    if isinstance(diagnosis, Instead):  # the generic advice would mislead: the verified diagnosis stands alone
        problem = T(diagnosis.en, diagnosis.zh)
    elif diagnosis:
        problem = LINES.join([diagnosis, problem])
    return _case_result(case, problem, scale, seconds, cells)


#: global settings the probe restores after each case, with how to leave each one alone
LEAK_ADVICE = {
    "grad mode": "use `with torch.no_grad():` around the code instead of torch.set_grad_enabled(False)",
    "default dtype": "pass dtype= to the tensors you create instead of torch.set_default_dtype(...)",
    "deterministic algorithms": "do not call torch.use_deterministic_algorithms in a function",
    "anomaly detection": "use `with torch.autograd.detect_anomaly():` instead of switching it on for good",
    "inference mode": "use `with torch.inference_mode():` so that it ends with the block",
    "default device": "pass device= to the tensors you create instead of torch.set_default_device(...)",
}


def _leaked_state(frame: Frame, reference_frame: Frame) -> T | None:
    """A case whose code left torch's global settings changed (and the reference's did not)."""
    if reference_frame.leaked:
        return None
    names = [name for name in frame.leaked if name in LEAK_ADVICE]
    if not names:
        return None
    advice = "; ".join(f"{name}: {LEAK_ADVICE[name]}" for name in names)
    return text("leaked_state", names=", ".join(names), advice=advice)


def _apply_rule(case: Case, got: Any, wanted: Any) -> T | None:
    """Decide a case by its judge rule; a learner value the rule cannot read is a wrong answer."""
    assert case.rule is not None
    if isinstance(got, ErrorRecord) or isinstance(wanted, ErrorRecord):  # errors compare as errors, not by the rule
        return first_difference(got, wanted, atol=case.atol, rtol=case.rtol)
    try:
        return case.rule(got, wanted)
    except Exception:  # the learner's value has another shape than the rule expects: say where
        return first_difference(got, wanted, atol=case.atol, rtol=case.rtol) or text("rule_unreadable")


def _diagnose(case: Case, got: Any, wanted: Any) -> T | None:
    if case.diagnose is None:
        return None
    try:
        return case.diagnose(got, wanted)
    except Exception:  # a diagnosis is a bonus; a wrong guess must not break the verdict
        return None


def _case_result(case: Case, problem: T, scale: float, seconds: float = 0.0,
                 diff: dict[str, Any] | None = None) -> CaseResult:
    hint = case.hint or NO_TEXT
    return CaseResult(case.name, False, 0.0, case.points * scale, T(problem.en, problem.zh), hint, seconds, diff)


def unknown_cases(suite: Suite, run: ProbeRun) -> T | None:
    """A run that reports cases the suite does not define was not produced by the probe: nothing in it counts."""
    known = {case.index for case in suite.cases}
    if any(index not in known for index in run.case_frames()):
        return text("unknown_case")
    return None


def file_problem(suite: Suite, run: ProbeRun, limits: Limits) -> T | None:
    """A problem that stops grading of the whole file, or None."""
    import_error = run.frame(FrameKind.IMPORT_ERROR)
    if import_error:
        try:
            error = decode_value(import_error.value)
        except ProtocolError as exc:
            return text("protocol", detail=str(exc))
        if isinstance(error, ErrorRecord):
            return _import_problem(error)
    if run.protocol_error:
        return text("protocol", detail=run.protocol_error)
    if run.output_exceeded:
        return text("output_limit", mb=limits.output_mb)
    imported = run.frame(FrameKind.IMPORTED)
    if imported is not None and imported.missing:
        return text("missing_names", names=", ".join(imported.missing[:10]))
    if run.timed_out:
        return text("timed_out", seconds=f"{limits.timeout:g}")
    if run.finished:
        return None
    return ended_early(run, limits)


def ended_early(run: ProbeRun, limits: Limits) -> T:
    """Why a probe stopped before its final frame, from how it exited."""
    code = run.returncode
    if code is not None and code < 0:
        if -code == signal.SIGXCPU:
            return text("cpu_limit", seconds=limits.for_probe().cpu_seconds)
        return text("crashed_signal", signal=_signal_name(-code))
    return text("exited_early", code=code)


def _import_problem(error: ErrorRecord) -> T:
    if error.is_a("SyntaxError"):
        if not error.line:  # Python could not say where (a NUL byte, a broken encoding): say what, not "line ?"
            return text("syntax_error_nowhere", message=error.message)
        caret = " " * max((error.offset or 1) - 1, 0) + "^"
        return text("syntax_error", line=error.line, source=error.source or "", caret=caret,
                    message=error.message)
    return LINES.join([text("import_failed"), explain_error(error)])


def reference_problem(suite: Suite, run: ProbeRun) -> str | None:
    """Why the reference run cannot be trusted as an answer key, or None."""
    if run.protocol_error:
        return run.protocol_error
    if run.timed_out:
        return "timed out"
    failed = run.frame(FrameKind.IMPORT_ERROR)
    if failed is not None:
        return f"import failed: {failed.value}"[:500]
    if not run.finished:
        return f"exited with code {run.returncode} before reporting; stderr: {run.stderr[-300:]}"
    missing = [case.index for case in suite.cases if case.index not in run.case_frames()]
    if missing:
        return f"no result for cases {missing}"
    return None


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"
