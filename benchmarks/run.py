"""Speed benchmark: every figure side by side with the cost of `import torch`, in one run.

    python benchmarks/run.py [--repeat 3]

Prints a table of median wall times and their ratio to `python -c "import torch"`
measured in the same run on the same machine. It is a benchmark, not a test:
nothing fails when the machine is slow.
"""

from __future__ import annotations

import argparse
import atexit
import os
import platform
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEARN = [sys.executable, "-m", "grader"]
TARGETS = {
    "learn list": 0.15,
    "learn check conv_output_size (solution)": 1.3,
    "learn grade (all solutions)": 4.0,
    "learn grade (all but the training topic)": 4.0,
    "watch re-check (light exercise)": 0.1,
}


def wall(command: list[str], env: dict[str, str] | None = None, cwd: Path = ROOT) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started


def median_wall(command: list[str], repeat: int, env_for_run=lambda: {}, cwd: Path = ROOT) -> float:
    return statistics.median(wall(command, env_for_run(), cwd) for _ in range(repeat))


def fresh_cache() -> dict[str, str]:
    """A new, empty reference cache folder for each run, so nothing is reused between runs."""
    folder = tempfile.mkdtemp(prefix="learn-bench-cache-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return {"LEARN_CACHE_DIR": folder}


def exercise_ids(without_topic: str | None = None, only_topic: str | None = None) -> list[str]:
    sys.path.insert(0, str(ROOT))
    from grader.course.catalog import load_catalog

    exercises = load_catalog(ROOT / "exercises" / "info.toml").exercises
    return [e.id for e in exercises
            if (without_topic is None or e.topic.id != without_topic) and (only_topic is None or e.topic.id == only_topic)]


def watch_recheck(repeat: int) -> float:
    """Save-to-verdict time in a watch session, after its first check."""
    sys.path.insert(0, str(ROOT))
    from grader.course.workspace import Workspace
    from grader.usecases.watch import WatchSession, watch_saves

    folder = Path(tempfile.mkdtemp(prefix="learn-bench-ws-"))
    shutil.copytree(ROOT / "exercises", folder / "exercises")
    session = WatchSession.open(Workspace.discover(folder), "en", "conv_output_size")
    events: queue.Queue = queue.Queue()
    stop = threading.Event()
    watch_saves(folder / "exercises", events, stop)
    solution = (ROOT / "solutions" / "05_convolution" / "conv_output_size.py").read_text()
    try:
        session.check()  # the first check pays for the workers and the reference
        time.sleep(0.5)  # let the watcher start before the first timed save
        times = []
        for i in range(repeat + 1):
            started = time.perf_counter()
            session.path.write_text(solution + f"\n# save {i}\n")
            while True:
                kind, changed = events.get(timeout=30)
                if kind == "saved" and Path(changed).name == session.path.name:
                    break
            session.check()
            times.append(time.perf_counter() - started)
            while not events.empty():
                events.get_nowait()
        return statistics.median(times[1:])
    finally:
        stop.set()
        session.close()
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows: list[tuple[str, float]] = []
    base = median_wall([sys.executable, "-c", "import torch"], args.repeat)
    rows.append(('python -c "import torch"', base))
    rows.append(("learn list", median_wall(LEARN + ["list"], args.repeat)))
    solution = str(ROOT / "solutions" / "05_convolution" / "conv_output_size.py")
    check = LEARN + ["check", "conv_output_size", "--file", solution]
    rows.append(("learn check conv_output_size (solution)", median_wall(check, args.repeat, fresh_cache)))
    rows.append(("learn check conv_output_size (reference cached)", median_wall(check, args.repeat, lambda: {})))
    grade = LEARN + ["grade", "--submission", str(ROOT / "solutions"), "--format", "json", "--output", os.devnull]
    rows.append(("learn grade (all solutions)", median_wall(grade, 1)))
    light = ",".join(exercise_ids(without_topic="training"))
    rows.append(("learn grade (all but the training topic)", median_wall(grade + ["--only", light], 1)))
    training = ",".join(exercise_ids(only_topic="training"))
    rows.append(("learn grade (training topic only)", median_wall(grade + ["--only", training], 1)))
    rows.append(("watch re-check (light exercise)", watch_recheck(max(args.repeat, 5))))

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}")
    print(f"{'what':50} {'seconds':>8} {'÷ torch':>8} {'target':>8}")
    for name, seconds in rows:
        target = TARGETS.get(name)
        mark = "" if target is None else ("  ok" if seconds / base <= target else "  over")
        target_text = f"≤ {target:g}" if target else ""
        print(f"{name:50} {seconds:8.3f} {seconds / base:8.2f} {target_text:>8}{mark}")


if __name__ == "__main__":
    main()
