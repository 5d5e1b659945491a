"""Hostile and broken submissions are graded as honest failures, quickly, and leave nothing behind.

The submissions live in tests/adversarial/ (see its README): each names its
exercise and the words its verdict must contain. Further tests here check
what a verdict alone cannot show: that no process survives, that the
learner's files and progress are untouched, that reference solutions cannot
be read, and that one hostile answer per exercise does not disturb the
grading of the others.
"""

from __future__ import annotations

import os
import shutil
import textwrap
import time
from pathlib import Path

import pytest

from grader import sandbox
from grader.probe.main import gpu_driver_present
from grader.usecases.check import grade_file
from tests.helpers import ROOT, failure_text

ADVERSARIAL = Path(__file__).resolve().parent / "adversarial"
#: seconds a probe gets when a submission does not say (none of them needs long)
DEFAULT_TIMEOUT = 10.0
#: grading may take the probe's time limit plus this much (starting a worker, the reference run, a loaded CI box)
MARGIN = 40.0


def submissions() -> list[Path]:
    return sorted(ADVERSARIAL.glob("*.py"))


def header(path: Path) -> dict[str, list[str]]:
    """The `# key: value` lines at the top of a submission."""
    fields: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("# ") or ":" not in line:
            break
        key, _, value = line[2:].partition(":")
        fields.setdefault(key.strip(), []).append(value.strip())
    return fields


def capabilities() -> set[str]:
    """What the sandbox guarantees on this host, as named in `# requires:` lines."""
    described = sandbox.describe()
    found = set()
    if described.get("processes", "unbounded") != "unbounded":
        found.add("process-bound")
    if described.get("signals") == "own processes only":
        found.add("signal-isolation")
    if described.get("filesystem", "").startswith("landlock") or described.get("user") == "a uid of its own":
        found.add("file-isolation")
    if not gpu_driver_present():
        found.add("address-space-limit")  # left out where CUDA may need huge reservations
    return found


def grade_path(path: Path, exercise_id: str, workspace, catalog, timeout: float):
    exercise = catalog.get(exercise_id)
    return grade_file(exercise, path, workspace.solution_path(exercise), timeout=timeout)


def test_there_are_enough_hostile_submissions():
    assert len(submissions()) >= 25
    for path in submissions():
        fields = header(path)
        assert fields.get("exercise") and fields.get("expect"), f"{path.name} needs # exercise: and # expect: lines"


@pytest.mark.parametrize("path", submissions(), ids=lambda p: p.stem)
def test_hostile_submission_fails_with_an_honest_reason(path, workspace, catalog):
    fields = header(path)
    missing = set(fields.get("requires", [])) - capabilities()
    if missing:
        pytest.skip(f"this host's sandbox lacks {', '.join(sorted(missing))}: {sandbox.describe()}")
    timeout = float(fields.get("timeout", [DEFAULT_TIMEOUT])[0])
    started = time.monotonic()
    result = grade_path(path, fields["exercise"][0], workspace, catalog, timeout)
    elapsed = time.monotonic() - started
    explanation = failure_text(result)
    assert not result.passed and result.score == 0, explanation
    for expected in fields["expect"]:
        assert expected in explanation, explanation
    assert elapsed < 3 * timeout + MARGIN  # a hang, not a slow machine: the limit is generous on purpose
    assert "\x1b" not in result.stdout + result.stderr  # terminal escapes never reach the screen


def test_fake_verdicts_stay_plain_output(workspace, catalog):
    result = grade_path(ADVERSARIAL / "fake_verdict_output.py", "conv_output_size", workspace, catalog, DEFAULT_TIMEOUT)
    assert "all 9 checks passed" in result.stdout and '"passed": true' in result.stdout
    assert result.status == "failed" and result.passed_count == 0


def test_huge_output_is_cut_short(workspace, catalog):
    result = grade_path(ADVERSARIAL / "output_flood.py", "conv_output_size", workspace, catalog, DEFAULT_TIMEOUT)
    assert len(result.stdout) < 20_000 and len(result.stderr) < 20_000
    assert "more bytes not shown" in result.stdout
    assert "Timed out" not in failure_text(result)  # stopped by the output limit, long before the clock


SURVIVOR_MARKER = "learn-survivor-marker"


def marked_survivors() -> list[int]:
    """Host processes started by grandchildren_survive.py that are still alive."""
    found = []
    for pid in all_pids():
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as handle:
                marked = SURVIVOR_MARKER.encode() in handle.read()
        except OSError:
            continue
        if marked and alive(pid):
            found.append(pid)
    return found


def test_no_process_survives_a_killed_probe(workspace, catalog):
    result = grade_path(ADVERSARIAL / "grandchildren_survive.py", "conv_output_size", workspace, catalog, 3)
    pids = [int(word) for line in result.stdout.splitlines() if line.startswith("PIDS") for word in line.split()[1:]]
    assert len(pids) == 4, result.stdout + result.stderr
    assert marked_survivors() == []


def test_without_the_sandbox_the_worker_still_sweeps_escaped_grandchildren(workspace, catalog, monkeypatch):
    """No cgroup and no lent uid (LEARN_SANDBOX=off, or a non-root learner): the worker, a child subreaper, sweeps."""
    from grader.engine.engine import Engine

    monkeypatch.setenv("LEARN_SANDBOX", "off")
    exercise = catalog.get("conv_output_size")
    with Engine() as engine:  # settings are read when an engine starts its workers
        result = grade_file(exercise, ADVERSARIAL / "grandchildren_survive.py", workspace.solution_path(exercise),
                            timeout=3, engine=engine)
    pids = [int(word) for line in result.stdout.splitlines() if line.startswith("PIDS") for word in line.split()[1:]]
    assert len(pids) == 4, result.stdout + result.stderr
    assert marked_survivors() == []


def test_a_fork_bomb_is_bounded_and_swept(workspace, catalog):
    if "process-bound" not in capabilities():
        pytest.skip(f"this host's sandbox does not bound processes: {sandbox.describe()}")
    result = grade_path(ADVERSARIAL / "fork_bomb.py", "conv_output_size", workspace, catalog, 3)
    assert not result.passed
    assert [pid for pid in all_pids() if comm(pid) == "learn-forkbomb" and alive(pid)] == []


def test_killing_the_grader_is_refused_and_the_engine_keeps_working(workspace, catalog):
    if "signal-isolation" not in capabilities():
        pytest.skip(f"this host's sandbox does not isolate signals: {sandbox.describe()}")
    grade_path(ADVERSARIAL / "kill_the_grader.py", "conv_output_size", workspace, catalog, DEFAULT_TIMEOUT)
    solution = workspace.solution_path(catalog.get("conv_output_size"))
    assert grade_path(solution, "conv_output_size", workspace, catalog, DEFAULT_TIMEOUT).passed


# ---- the learner's files, progress and the reference solutions ---------------------------


@pytest.fixture
def private_course(tmp_path, workspace):
    """A workspace with progress recorded, and a teacher's solutions folder outside it, closed to others."""
    learner = tmp_path / "learner"
    shutil.copytree(ROOT / "exercises", learner / "exercises")
    (learner / ".learn").mkdir()
    progress = learner / ".learn" / "progress.json"
    progress.write_text('{"version": 1, "exercises": {}}\n', encoding="utf-8")
    solutions = tmp_path / "teacher" / "solutions"
    shutil.copytree(ROOT / "solutions", solutions)
    os.chmod(tmp_path / "teacher", 0o700)
    return learner, solutions


def stealing_submission(learner: Path, solutions: Path) -> str:
    """Copies the reference if it can read it, and scribbles over the learner's files, progress and results."""
    solution = solutions / "05_convolution" / "conv_output_size.py"
    targets = [learner / ".learn" / "progress.json", learner / "exercises" / "05_convolution" / "conv_output_size.py",
               learner / "results.json"]
    forged = '{"version": 1, "exercises": {"conv_output_size": {"status": "passed"}}}'
    return textwrap.dedent(f"""
        import pathlib
        for target in {[str(t) for t in targets]!r}:
            try:
                pathlib.Path(target).write_text({forged!r})
            except OSError:
                pass
        try:
            exec(open({str(solution)!r}).read())
        except OSError:
            def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
                return 0
        """)


def test_reference_solutions_and_learner_files_are_out_of_reach(private_course, catalog, tmp_path):
    if "file-isolation" not in capabilities():
        pytest.skip(f"this host's sandbox does not isolate files: {sandbox.describe()}")
    learner, solutions = private_course
    before = snapshot(learner)
    thief = tmp_path / "thief.py"
    thief.write_text(stealing_submission(learner, solutions), encoding="utf-8")
    exercise = catalog.get("conv_output_size")
    result = grade_file(exercise, thief, solutions / exercise.relative_path, timeout=DEFAULT_TIMEOUT)
    assert not result.passed and result.score == 0, failure_text(result)
    assert snapshot(learner) == before


def test_grading_never_writes_to_the_learners_file(tmp_path, workspace, catalog):
    answer = tmp_path / "conv_output_size.py"
    answer.write_text("def conv_output_size(*a, **k):\n    return 0\n", encoding="utf-8")
    os.utime(answer, (1_000_000, 1_000_000))
    grade_path(answer, "conv_output_size", workspace, catalog, DEFAULT_TIMEOUT)
    assert answer.read_text(encoding="utf-8") == "def conv_output_size(*a, **k):\n    return 0\n"
    assert answer.stat().st_mtime == 1_000_000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["conv_output_size.py"]


# ---- a whole run with one hostile answer per exercise ----------------------------------------

HOSTILE_ANSWERS = [
    "while True:\n    pass\n",
    "import os\nos._exit(0)\n",
    "import torch\ntorch.equal = lambda *a, **k: True\ntorch.allclose = lambda *a, **k: True\n",
    "import time\ntime.sleep(10**6)\n",
    "raise SystemExit(0)\n",
    "import ctypes\nctypes.string_at(0)\n",
    "def broken(:\n    pass\n",
    "x = bytearray(1 << 40)\n",
]


def test_learn_grade_with_a_hostile_answer_per_exercise_grades_everything_else(workspace, catalog, tmp_path):
    """Two students graded like `learn grade --jobs 4`: each exercise gets one hostile answer and one solution.

    Every hostile answer fails with 0 points, every solution passes, and both
    runs finish within a bound.
    """
    from grader.engine.engine import shared_engine
    from grader.usecases.grade import Submission, grade_submission

    exercises = list(catalog.exercises)
    hostile_ids: dict[str, set[str]] = {"even": set(), "odd": set()}
    for student in hostile_ids:
        for number, exercise in enumerate(exercises):
            target = tmp_path / student / exercise.relative_path
            target.parent.mkdir(parents=True, exist_ok=True)
            if (number % 2 == 0) == (student == "even"):
                target.write_text(HOSTILE_ANSWERS[number % len(HOSTILE_ANSWERS)], encoding="utf-8")
                hostile_ids[student].add(exercise.id)
            else:
                shutil.copyfile(workspace.solution_path(exercise), target)
    timeout = 45.0  # generous: a loaded CI machine must not time out the references of the training topic
    started = time.monotonic()
    reports = {
        student: grade_submission(Submission(student, tmp_path / student), exercises, workspace.solutions,
                                  engine=shared_engine(), jobs=4, timeout=timeout)
        for student in hostile_ids
    }
    elapsed = time.monotonic() - started
    for student, report in reports.items():
        assert len(report.graded) == len(exercises)
        for graded in report.graded:
            result, exercise_id = graded.result, graded.exercise.id
            if exercise_id in hostile_ids[student]:
                assert not result.passed and result.score == 0, (student, exercise_id, failure_text(result))
            else:
                assert result.passed, (student, exercise_id, failure_text(result))
    assert elapsed < 2 * len(exercises) * timeout + 2 * MARGIN  # generous: it catches hangs, not slowness


# ---- helpers --------------------------------------------------------------------------------


def all_pids() -> list[int]:
    return [int(name) for name in os.listdir("/proc") if name.isdigit()]


def alive(pid: int) -> bool:
    """A process that exists and is not a zombie (a zombie has finished; only its parent has not noticed)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            state = handle.read().rsplit(b")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in (b"Z", b"X")


def comm(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/comm", encoding="utf-8", errors="replace") as handle:
            return handle.read().strip()
    except OSError:
        return ""


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
