"""Speed benchmark: every speed target of the project, each beside `import torch` timed in the same breath.

    python benchmarks/run.py [--repeat N] [--only ROW...] [--all-checks] [--students N]

The project states its speed as ratios to `python -c "import torch"` on the same
machine. Each repetition of a row first times `import torch`, then the row; the
row's ratio is the median over its repetitions of row / import, so a load that
comes and goes weighs on both sides alike. Two rows have another yardstick and
say so in their target: the per-probe overhead (milliseconds) and class grading
(wall time over the compute lower bound). It is a benchmark, not a test: nothing
fails when the machine is slow.

`--only` takes parts of row names (case does not matter): `--only "learn list" daemon`.
`--all-checks` adds the long row that checks every exercise but the training topic's
alone and reports the worst. `--torchlings CMD --torchlings-dir DIR` times a torchlings
check for comparison, when `torchlings` is installed.
"""

from __future__ import annotations

import argparse
import atexit
import functools
import json
import os
import platform
import queue
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the grader and tests.classgen, imported where a row needs them
SOLUTIONS = ROOT / "solutions"
LEARN = [sys.executable, "-m", "grader"]
TORCH_IMPORT = [sys.executable, "-c", "import torch"]
#: light exercises of different topics, each checked alone from the shell
LIGHT_CHECKS = ("tensor_create", "conv_output_size", "cifar_sequential", "autograd_basics")
#: the topic whose exercises train models: left out of the rows that must stay light
TRAINING = "training"
#: the cores class grading is given, and the lower bound's divisor
CLASS_JOBS = 2
#: the exercise the per-probe overhead, daemon and watch rows use: its cases are integer arithmetic
TRIVIAL = "conv_output_size"


# ---- figures ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """What a row must stay under: `limit` times `import torch` ("torch"), milliseconds ("ms"), or the bound."""

    limit: float
    unit: str = "torch"

    def text(self) -> str:
        return {"torch": f"≤ {self.limit:g} × torch", "ms": f"≤ {self.limit:g} ms",
                "bound": f"≤ {self.limit:g} × bound"}[self.unit]


@dataclass
class Timing:
    """A row's repetitions: its seconds, and the `import torch` timed just before each."""

    seconds: list[float] = field(default_factory=list)
    torch: list[float] = field(default_factory=list)

    def add(self, torch_seconds: float, row_seconds: float) -> None:
        self.torch.append(torch_seconds)
        self.seconds.append(row_seconds)

    @property
    def ratio(self) -> float:
        """The median of the per-repetition ratios row / import."""
        return statistics.median(s / t for s, t in zip(self.seconds, self.torch, strict=True))


@dataclass
class Outcome:
    """What one row measured; `na` (with nothing measured) says why it could not be."""

    seconds: float | None = None
    torch: float | None = None
    ratio: float | None = None  #: median of row / import
    figure: float | None = None  #: what the target is compared with, when it is not `ratio`
    note: str = ""
    details: list[str] = field(default_factory=list)
    na: str = ""

    @classmethod
    def of(cls, timing: Timing, note: str = "", figure: float | None = None) -> Outcome:
        return cls(statistics.median(timing.seconds), statistics.median(timing.torch), timing.ratio, figure, note)


@dataclass(frozen=True)
class Row:
    name: str
    target: Target | None
    measure: Callable[[argparse.Namespace], Outcome]
    opt_in: bool = False  #: measured only when asked for (--all-checks)


# ---- running commands ----------------------------------------------------------------------------


def learn(*args: str) -> list[str]:
    return [*LEARN, *args]


def environment(**changes: str | None) -> dict[str, str]:
    """This process's environment with `changes` made (None removes a variable)."""
    env = dict(os.environ)
    for name, value in changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def wall(command: list[str], env: dict[str, str] | None = None, cwd: Path = ROOT) -> tuple[float, int]:
    """Seconds the command took, and its exit status."""
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env or dict(os.environ), stdin=subprocess.DEVNULL,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started, done.returncode


def interleaved(repeat: int, once: Callable[[], float]) -> Timing:
    """Per repetition: time `import torch`, then `once()` (which returns its own seconds)."""
    timing = Timing()
    for _ in range(repeat):
        torch_seconds, _ = wall(TORCH_IMPORT)
        timing.add(torch_seconds, once())
    return timing


def command_row(repeat: int, command: list[str], env_for_run: Callable[[], dict[str, str]] = environment,
                cwd: Path = ROOT) -> Outcome:
    """A shell command's row; a run that exits with an error is said, since failing fast is not being fast."""
    codes: set[int] = set()

    def once() -> float:
        seconds, code = wall(command, env_for_run(), cwd)
        codes.add(code)
        return seconds

    timing = interleaved(repeat, once)
    bad = sorted(code for code in codes if code != 0)
    return Outcome.of(timing, note=f"exit status {bad} (expected 0)" if bad else "")


@functools.cache
def scratch() -> Path:
    """One folder for everything a run writes (caches, workspaces, a class), removed at exit."""
    folder = Path(tempfile.mkdtemp(prefix="learn-bench-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def new_folder(prefix: str) -> Path:
    """A new folder only this user may enter (the daemon insists on that for its socket's)."""
    return Path(tempfile.mkdtemp(prefix=prefix, dir=scratch()))


def fresh_cache() -> dict[str, str]:
    """An environment with a new, empty reference cache: nothing is reused between runs."""
    return environment(LEARN_CACHE_DIR=str(new_folder("cache-")))


@functools.cache
def catalog() -> Any:
    from grader.course.catalog import load_catalog

    return load_catalog(ROOT / "exercises" / "info.toml")


def solution(exercise_id: str) -> Path:
    return SOLUTIONS / catalog().get(exercise_id).relative_path


def exercise_ids(*, training: bool | None = None) -> list[str]:
    """Every exercise (None), only the training topic's (True) or all the others (False)."""
    return [e.id for e in catalog().exercises if training is None or (e.topic.id == TRAINING) == training]


@functools.cache
def cli_has_daemon() -> bool:
    """Whether `learn check` goes through a warm daemon (it then offers --no-daemon)."""
    help_text = subprocess.run(learn("check", "--help"), cwd=ROOT, capture_output=True, text=True, check=False,
                               env=environment(COLUMNS="200")).stdout
    return "--no-daemon" in help_text


def check_command(exercise_id: str, *, daemon: bool = False) -> list[str]:
    """`learn check ID --file <its solution>`, alone in its process unless `daemon`."""
    command = learn("check", exercise_id, "--file", str(solution(exercise_id)))
    return command if daemon or not cli_has_daemon() else [*command, "--no-daemon"]


def lone_check_env() -> dict[str, str]:
    """A fresh reference cache and no daemon (LEARN_NO_DAEMON=1 works with or without --no-daemon)."""
    return {**fresh_cache(), "LEARN_NO_DAEMON": "1"}


# ---- the rows ------------------------------------------------------------------------------------


def light_check(exercise_id: str) -> Callable[[argparse.Namespace], Outcome]:
    return lambda args: command_row(args.repeat, check_command(exercise_id), lone_check_env)


def worst_check(args: argparse.Namespace) -> Outcome:
    """Every exercise but the training topic's, checked alone with a fresh cache; the worst ratio is the row's."""
    timings = {exercise_id: Timing() for exercise_id in exercise_ids(training=False)}
    for _ in range(args.repeat):
        for exercise_id, timing in timings.items():
            torch_seconds, _ = wall(TORCH_IMPORT)
            timing.add(torch_seconds, wall(check_command(exercise_id), lone_check_env())[0])
    ranked = sorted(timings.items(), key=lambda item: item[1].ratio, reverse=True)
    worst_id, worst = ranked[0]
    outcome = Outcome.of(worst, note=f"worst of {len(ranked)}: {worst_id}")
    outcome.details = [f"{exercise_id:32} {statistics.median(t.seconds):7.2f} s  {t.ratio:5.2f} × torch"
                       for exercise_id, t in ranked[:5]]
    return outcome


def daemon_check(args: argparse.Namespace) -> Outcome:
    """Later `learn check`s of one exercise from the shell, answered by the warm daemon the first one started."""
    if not cli_has_daemon():
        return Outcome(na="n/a (no daemon)")
    folder = new_folder("daemon-")  # a daemon of the benchmark's own, never the user's
    env = environment(LEARN_DAEMON_DIR=str(folder), LEARN_CACHE_DIR=str(new_folder("cache-")), LEARN_NO_DAEMON=None)
    command = check_command(TRIVIAL, daemon=True)
    try:
        wall(command, env)  # checks alone and starts the daemon in the background
        deadline = time.monotonic() + 60
        while not any(folder.glob("*.sock")) and time.monotonic() < deadline:
            time.sleep(0.1)
        outcome = command_row(args.repeat, command, lambda: env)
        if not any(folder.glob("*.sock")):
            outcome.note = "no daemon socket appeared: these checks ran alone"
        return outcome
    finally:
        stop_daemon(env)


def stop_daemon(env: dict[str, str]) -> None:
    """`learn daemon stop` where the CLI offers it, else the same through the daemon module."""
    if wall(learn("daemon", "stop", "--help"), env)[1] == 0:
        wall(learn("daemon", "stop"), env)
    else:
        wall([sys.executable, "-c", "from grader.usecases import daemon; daemon.stop()"], env)


PROBES_PER_REPETITION = 10
#: the phases of one probe the parent can tell apart, in order
PHASES = {
    "spawn": "prepare the sandbox, fork, until the probe says hello",
    "start": "probe confines itself, imports the check and the file",
    "cases": "the cases (own compute and encoding), all together",
    "done": "last case until the done frame",
    "exit": "done frame until the probe's exit is reaped",
    "cleanup": "sandbox released, the probe's home removed",
}


def probe_overhead(args: argparse.Namespace) -> Outcome:
    """One probe of an exercise whose cases are integer arithmetic, on a warm worker, timed from the parent.

    Phases come from the parent's clock: when `Engine.run` was called, when each
    frame arrived (`on_frame`), the runner's own `run.seconds` (from the fork's
    hello to the probe's exit being reaped) and when `Engine.run` returned.
    """
    from grader.engine.engine import LEARNER, Engine
    from grader.usecases.check import load_suite
    from grader.wire import FrameKind, Limits, ProbeRequest

    exercise = catalog().get(TRIVIAL)
    suite = load_suite(exercise)
    request = ProbeRequest(exercise.check_module, str(solution(TRIVIAL)), suite.needs, confined=True)
    limits = Limits(timeout=exercise.timeout, memory_mb=exercise.memory_mb)
    phases: dict[str, list[float]] = {name: [] for name in PHASES}
    beside_cases: list[float] = []
    one_case: list[float] = []
    timing = Timing()
    with Engine() as engine:
        engine.start((LEARNER,))
        engine.run(request, limits)  # the worker imports torch and the check's needs once
        for _ in range(args.repeat):
            torch_seconds, _ = wall(TORCH_IMPORT)
            runs = []
            for _ in range(PROBES_PER_REPETITION):
                run, called, returned, stamps = stamped_run(engine, request, limits)
                if not run.finished or run.protocol_error:
                    return Outcome(na=f"n/a (the probe did not finish: {run.protocol_error or run.stderr[-200:]})")
                runs.append(returned - called)
                split = probe_phases(called, returned, run.seconds, stamps)
                beside_cases.append(returned - called - split["cases"])
                one_case.extend(seconds for kind, _, seconds in stamps if kind == FrameKind.CASE)
                for name, seconds in split.items():
                    phases[name].append(seconds)
            timing.add(torch_seconds, statistics.median(runs))
    outcome = Outcome.of(timing, figure=statistics.median(timing.seconds) * 1000,
                         note=f"median of {args.repeat} × {PROBES_PER_REPETITION} probes")
    outcome.details = [f"{PHASES[name]:58} {statistics.median(values) * 1000:7.1f} ms"
                       for name, values in phases.items()]
    outcome.details.append(f"{'all but the cases':58} {statistics.median(beside_cases) * 1000:7.1f} ms")
    cases = len(one_case) // len(beside_cases)
    outcome.details.append(f"{f'one case (of {cases}): median, slowest':58} {statistics.median(one_case) * 1000:7.1f} "
                           f"ms, {max(one_case) * 1000:.1f} ms")
    outcome.details.append("not visible from the parent: inside the probe, fork vs. confinement vs. importing "
                           "the check and the file (needs timestamps from grader.probe.main)")
    return outcome


def stamped_run(engine: Any, request: Any, limits: Any) -> tuple[Any, float, float, list[tuple[str, float, float]]]:
    """One `Engine.run`, with the parent's clock read at the call, at each frame's arrival and at the return."""
    stamps: list[tuple[str, float, float]] = []

    def on_frame(frame: Any) -> None:
        stamps.append((frame.kind, time.monotonic(), frame.seconds))

    called = time.monotonic()
    run = engine.run(request, limits, on_frame=on_frame)
    return run, called, time.monotonic(), stamps


def probe_phases(called: float, returned: float, run_seconds: float,
                 stamps: list[tuple[str, float, float]]) -> dict[str, float]:
    """Split one `Engine.run` by the frames' arrival times.

    A frame's `seconds` is the runner's time since the previous frame, the first
    one's since the runner's clock started, just after the worker said the
    probe was forked; `run_seconds` runs from there to the probe's exit.
    """
    from grader.wire import FrameKind

    first_kind, first_at, first_seconds = stamps[0]
    clock_started = first_at - first_seconds
    done_at = next(at for frame_kind, at, _ in stamps if frame_kind == FrameKind.DONE)
    case_times = [seconds for frame_kind, _, seconds in stamps if frame_kind == FrameKind.CASE]
    return {
        "spawn": clock_started - called,
        "start": first_seconds if first_kind == FrameKind.IMPORTED else 0.0,
        "cases": sum(case_times),
        "done": next(seconds for frame_kind, _, seconds in stamps if frame_kind == FrameKind.DONE),
        "exit": clock_started + run_seconds - done_at,
        "cleanup": returned - (clock_started + run_seconds),
    }


def grade_row(training: bool | None) -> Callable[[argparse.Namespace], Outcome]:
    """`learn grade --submission solutions` (with a fresh reference cache), over some exercises."""

    def measure(args: argparse.Namespace) -> Outcome:
        command = learn("grade", "--submission", str(SOLUTIONS), "--format", "json", "--output", os.devnull)
        if training is not None:
            command += ["--only", ",".join(exercise_ids(training=training))]
        return command_row(args.repeat, command, fresh_cache)

    return measure


def class_grading(args: argparse.Namespace) -> Outcome:
    """`learn grade --submissions` of N solved students with 2 jobs, against the compute it cannot avoid.

    The lower bound is one solved student's learner cases' own seconds (the
    grade document's per-case seconds) times N, over the 2 cores. The
    references are computed before the timed runs (the bound leaves them out).
    """
    from tests.classgen import copy_tree

    exercises = list(catalog().exercises)
    folder = new_folder("class-")
    for number in range(args.students):
        copy_tree(SOLUTIONS, folder / f"student{number:03d}", exercises)
    env = environment(LEARN_CACHE_DIR=str(new_folder("cache-")))
    document = new_folder("solo-") / "student.json"
    wall(learn("grade", "--submission", str(folder / "student000"), "--format", "json", "--output",
               str(document)), env)
    compute = learner_compute(json.loads(document.read_text(encoding="utf-8")))
    bound = compute * args.students / CLASS_JOBS
    command = learn("grade", "--submissions", str(folder), "--jobs", str(CLASS_JOBS), "--output-dir",
                    str(new_folder("grades-")))
    outcome = command_row(args.repeat, command, lambda: env)
    outcome.figure = outcome.seconds / bound if outcome.seconds and bound else None
    outcome.note = (f"{args.students} students; bound {compute:.1f} s × {args.students} / {CLASS_JOBS} cores = "
                    f"{bound:.1f} s {outcome.note}").strip()
    return outcome


def learner_compute(document: dict[str, Any]) -> float:
    """The seconds the learner's cases took, over every exercise of one grade document."""
    return sum(case.get("seconds", 0.0) for exercise in document["exercises"] for case in exercise.get("cases", ()))


def watch_recheck(args: argparse.Namespace) -> Outcome:
    """Save-to-verdict time in a watch session, after its first check."""
    from grader.course.workspace import Workspace
    from grader.usecases.watch import WatchSession, watch_saves

    folder = new_folder("ws-")
    shutil.copytree(ROOT / "exercises", folder / "exercises")
    session = WatchSession.open(Workspace.discover(folder), "en", TRIVIAL)
    events: queue.Queue[tuple[str, str]] = queue.Queue()
    stop = threading.Event()
    watch_saves(folder / "exercises", events, stop)
    text = solution(TRIVIAL).read_text(encoding="utf-8")
    saves = iter(range(1_000_000))

    def save_and_check() -> float:
        started = time.perf_counter()
        session.path.write_text(text + f"\n# save {next(saves)}\n", encoding="utf-8")
        while True:
            kind, changed = events.get(timeout=30)
            if kind == "saved" and Path(changed).name == session.path.name:
                break
        session.check()
        seconds = time.perf_counter() - started
        while not events.empty():
            events.get_nowait()
        return seconds

    try:
        session.check()  # the first check pays for the workers and the reference
        time.sleep(0.5)  # let the watcher start before the first save
        save_and_check()  # and one save unmeasured
        return Outcome.of(interleaved(args.repeat, save_and_check))
    finally:
        stop.set()
        session.close()


def torchlings(args: argparse.Namespace) -> Outcome:
    """The same kind of check in torchlings, when it is installed (for comparison; no target)."""
    command = shlex.split(args.torchlings)
    if not command or shutil.which(command[0]) is None:
        return Outcome(na="n/a (torchlings not installed)")
    return command_row(args.repeat, command, cwd=Path(args.torchlings_dir))


def rows() -> list[Row]:
    light = [Row(f"learn check {exercise_id} (alone, fresh cache)", Target(1.0), light_check(exercise_id))
             for exercise_id in LIGHT_CHECKS]
    return [
        *light,
        Row("learn check: worst exercise but training (alone, fresh cache)", Target(1.0), worst_check, opt_in=True),
        Row(f"learn check {TRIVIAL} again (warm daemon)", Target(0.25), daemon_check),
        Row(f"per-probe overhead ({TRIVIAL}, warm worker)", Target(30, "ms"), probe_overhead),
        Row("learn grade (all solutions, fresh cache)", Target(4.0), grade_row(None)),
        Row("learn grade (all but training, fresh cache)", Target(4.0), grade_row(False)),
        Row("learn grade (training only, fresh cache)", None, grade_row(True)),
        Row(f"learn grade --submissions (N solved, --jobs {CLASS_JOBS})", Target(1.5, "bound"), class_grading),
        Row("learn list", Target(0.15), lambda args: command_row(args.repeat, learn("list"))),
        Row(f"watch re-check ({TRIVIAL})", Target(0.1), watch_recheck),
        Row("torchlings check (for comparison)", None, torchlings),
    ]


# ---- output --------------------------------------------------------------------------------------


def machine() -> str:
    cpu = "unknown CPU"
    memory = "? GiB"
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text()
        cpu = next(line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if line.startswith("model name"))
        kib = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal:"))
        memory = f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration, ValueError):
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    try:
        torch_version = metadata.version("torch")
    except metadata.PackageNotFoundError:
        torch_version = "not installed"
    return (f"machine: {cpu}, {os.cpu_count()} cores ({usable} usable), {memory} memory, "
            f"Python {platform.python_version()}, torch {torch_version}, {platform.system()} {platform.release()}")


HEADER = f"{'row':62} {'seconds':>8} {'torch s':>8} {'÷ torch':>8}  {'target':>14}  verdict"


def line(row: Row, outcome: Outcome) -> str:
    if outcome.na:
        return f"{row.name:62} {outcome.na}"
    numbers = f"{outcome.seconds or 0:8.3f} {outcome.torch or 0:8.3f} {outcome.ratio or 0:8.2f}"
    verdict = ""
    if row.target is not None:
        figure = outcome.ratio if row.target.unit == "torch" else outcome.figure
        if figure is None:
            verdict = "?"
        else:
            verdict = "ok" if figure <= row.target.limit else "over"
            if row.target.unit != "torch":
                verdict += f" ({figure:.1f} ms)" if row.target.unit == "ms" else f" ({figure:.2f})"
    target = row.target.text() if row.target else ""
    text = f"{row.name:62} {numbers}  {target:>14}  {verdict}"
    if outcome.note:
        text += f"  [{outcome.note}]"
    return "\n".join([text, *(f"    {detail}" for detail in outcome.details)])


def chosen(all_rows: list[Row], args: argparse.Namespace) -> list[Row]:
    picked = [row for row in all_rows if args.all_checks or not row.opt_in]
    if args.only:
        picked = [row for row in picked if any(part.casefold() in row.name.casefold() for part in args.only)]
    return picked


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="repetitions of each row (default 3)")
    parser.add_argument("--only", nargs="+", metavar="ROW", help="only the rows whose name contains one of these")
    parser.add_argument("--all-checks", action="store_true",
                        help="also check every exercise but the training topic's alone and report the worst (long)")
    parser.add_argument("--students", type=int, default=4, help="students in the class-grading row (default 4)")
    parser.add_argument("--torchlings", default="torchlings test",
                        help="the torchlings command to time (default: %(default)s)")
    parser.add_argument("--torchlings-dir", default=".", help="where to run it (a torchlings workspace)")
    args = parser.parse_args()
    if args.repeat < 1 or args.students < 1:
        parser.error("--repeat and --students must be at least 1")
    picked = chosen(rows(), args)
    if not picked:
        names = "\n  ".join(row.name for row in rows())
        parser.error(f"no row matches {args.only}; the rows are:\n  {names}")
    print(machine())
    print(f'{args.repeat} repetition(s); each times `python -c "import torch"`, then the row', flush=True)
    print(HEADER, flush=True)
    for row in picked:
        print(line(row, row.measure(args)), flush=True)


if __name__ == "__main__":
    main()
