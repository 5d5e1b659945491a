"""Gradescope's autograder zip: setup.sh, run_autograder, learn itself, the course and its solutions.

Gradescope unpacks the zip into /autograder/source, runs `setup.sh` once
when it builds the image (Ubuntu), then `run_autograder` for each
submission, whose files are in /autograder/submission; it reads
/autograder/results/results.json. Solutions stay in /autograder/source,
outside the submission folder: Gradescope's sandbox keeps student code from
reading them. `run_autograder` always leaves a valid results.json: a score
of 0 with the reason when learn itself could not grade.
"""

from __future__ import annotations

import io
import json
import shlex
import stat
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from grader import PACKAGE_DIR
from grader.course.catalog import Exercise
from grader.errors import LearnError
from grader.limits import DEFAULT_JOBS
from grader.render.formats import write_output
from grader.text.bilingual import T

#: where the course sits inside /autograder/source: exercises/info.toml (a workspace) and solutions/
COURSE_DIR = "course"
#: the source of learn itself, installed by setup.sh when this learn came from a source checkout
LEARN_DIR = "learn"
#: what a source checkout of learn needs to be installed, and what is left out of it
LEARN_SOURCE = ("pyproject.toml", "README.md", "grader", "exercises")
SKIPPED = ("__pycache__", ".pyc", ".ipynb_checkpoints")
CPU_TORCH_INDEX = "https://download.pytorch.org/whl/cpu"

SETUP_SH = """#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image (Ubuntu).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends python3 python3-venv python3-pip
# A virtual environment: newer Ubuntu images refuse pip installs into the system Python.
python3 -m venv /autograder/venv
/autograder/venv/bin/pip install --upgrade pip
# PyTorch for the CPU: the exercises need nothing else, and it is far smaller than the CUDA build.
/autograder/venv/bin/pip install torch torchvision --index-url {torch_index}
/autograder/venv/bin/pip install {learn}
/autograder/venv/bin/learn --help > /dev/null
"""

RUN_AUTOGRADER = r"""#!/usr/bin/env bash
# Gradescope runs this for every submission. It always leaves a valid results.json:
# learn's, or a score of 0 that says why learn could not grade.
# AUTOGRADER_ROOT and LEARN move it elsewhere (to try it out of Gradescope).
root="${AUTOGRADER_ROOT:-/autograder}"
learn="${LEARN:-$root/venv/bin/learn}"
source="$root/source"
results="$root/results/results.json"
log="$root/results/learn.log"
mkdir -p "$root/results"
rm -f "$results" "$results.tmp"

cd "$source/@COURSE@" || true
"$learn" grade --submission "$root/submission" --solutions "$source/@COURSE@/solutions" \
    --format gradescope --output "$results.tmp" --min-score 0 @OPTIONS@ > "$log" 2>&1
status=$?

if [ -s "$results.tmp" ] && grep -q '"score"' "$results.tmp"; then
    mv "$results.tmp" "$results"
else
    # No Python needed: printf writes the JSON, the reason without quotes, backslashes or control characters.
    reason=$(tail -n 5 "$log" 2>/dev/null | tr -d '"\\' | tr '\000-\037' ' ' | cut -c 1-900)
    printf '{"score": 0, "output": "The autograder could not grade this submission (learn exited with %s). %s", "output_format": "text", "tests": []}\n' \
        "$status" "$reason" > "$results"
fi
cat "$log"
exit 0
"""  # noqa: E501 (the script's printf of the fallback results.json is one line)


@dataclass(frozen=True)
class AutograderPlan:
    """What goes into the zip."""

    course_root: Path  #: the course: exercises/info.toml and the starters
    solutions: Path  #: the reference solutions to grade with
    exercises: tuple[Exercise, ...]
    learn_version: str  #: the version of learn building the zip
    #: the pip requirement setup.sh installs learn from when the zip does not carry its source
    learn_requirement: str
    lang: str = "en"
    jobs: int = DEFAULT_JOBS
    timeout: float | None = None


def learn_source(course_root: Path) -> Path | None:
    """The source checkout learn runs from, when it is one (pyproject.toml beside the grader package)."""
    package = PACKAGE_DIR
    source = package.parent
    return source if (source / "pyproject.toml").is_file() and (source / "grader").is_dir() else None


def build(plan: AutograderPlan, output: Path) -> list[str]:
    """Write the autograder zip to `output`; return the names it holds."""
    for exercise in plan.exercises:
        if not (plan.solutions / exercise.relative_path).is_file():
            raise LearnError(T(f"--solutions {plan.solutions}: no solution for {exercise.id} "
                               f"({exercise.relative_path})",
                               f"--solutions {plan.solutions}：没有 {exercise.id} 的参考答案"
                               f"（{exercise.relative_path}）"))
    source = learn_source(plan.course_root)
    learn = f"/autograder/source/{LEARN_DIR}" if source else shlex.quote(plan.learn_requirement)
    options = ["--only", ",".join(e.id for e in plan.exercises), "--lang", plan.lang, "--jobs", str(plan.jobs)]
    if plan.timeout:
        options += ["--timeout", f"{plan.timeout:g}"]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        _add_text(archive, "setup.sh", SETUP_SH.format(torch_index=CPU_TORCH_INDEX, learn=learn), executable=True)
        script = RUN_AUTOGRADER.replace("@COURSE@", COURSE_DIR).replace(
            "@OPTIONS@", " ".join(shlex.quote(o) for o in options))
        _add_text(archive, "run_autograder", script, executable=True)
        _add_text(archive, "settings.json", json.dumps(settings(plan, source is not None), indent=2) + "\n")
        _add_tree(archive, plan.course_root / "exercises", f"{COURSE_DIR}/exercises")
        for exercise in plan.exercises:
            _add_file(archive, plan.solutions / exercise.relative_path,
                      f"{COURSE_DIR}/solutions/{exercise.relative_path}")
        if source is not None:
            for name in LEARN_SOURCE:
                _add_tree(archive, source / name, f"{LEARN_DIR}/{name}")
        names = archive.namelist()
    write_output(output, buffer.getvalue())
    return names


def settings(plan: AutograderPlan, vendored: bool) -> dict[str, object]:
    """What the zip was built with, for the teacher who opens it later."""
    return {
        "kind": "learn-gradescope-autograder",
        "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "learn": plan.learn_version,
        "learn_installed_from": "the zip's learn/ folder" if vendored else plan.learn_requirement,
        "exercises": [e.id for e in plan.exercises],
        "points": sum(e.points for e in plan.exercises),
        "lang": plan.lang,
        "jobs": plan.jobs,
        "timeout": plan.timeout,
    }


def _add_text(archive: zipfile.ZipFile, name: str, text: str, executable: bool = False) -> None:
    info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = ((0o755 if executable else 0o644) | stat.S_IFREG) << 16
    archive.writestr(info, text)


def _add_file(archive: zipfile.ZipFile, path: Path, name: str) -> None:
    _add_text(archive, name, path.read_text(encoding="utf-8"))


def _add_tree(archive: zipfile.ZipFile, path: Path, name: str) -> None:
    if path.is_file():
        info = zipfile.ZipInfo.from_file(path, name)
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, path.read_bytes())
        return
    for child in sorted(path.rglob("*")):
        if child.is_file() and not any(part in SKIPPED or part.endswith(SKIPPED) for part in child.parts):
            _add_tree(archive, child, f"{name}/{child.relative_to(path).as_posix()}")
