"""Grading a whole class: one folder, `.zip` or `.ipynb` per student, one row each.

Every submission is graded on the same engine (warm workers that fork one
probe process per run, so `jobs` submissions are graded at once) and the
same in-memory answer key. Opening a submission happens inside its own task:
a corrupt or hostile zip, a notebook that is not one, or a grader failure
while grading it gives that student a row with a note, and the class run
goes on.
"""

from __future__ import annotations

import re
import stat
import tempfile
import time
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath

from grader.course.catalog import Exercise
from grader.engine.engine import Engine
from grader.engine.refcache import ReferenceCache
from grader.errors import LearnError
from grader.limits import DEFAULT_JOBS
from grader.results import ERROR, INFRA, ClassReport, Graded, SubmissionReport
from grader.text.i18n import T, text
from grader.usecases.grade import (
    Submission,
    discover_submission,
    grade_submission,
    run_parallel,
    said,
    unanswered,
)
from grader.versions import grading_versions

#: limits on what a student's zip may unpack to
MAX_ZIP_MEMBERS = 2000
MAX_ZIP_BYTES = 64 * 1024 * 1024
MAX_ZIP_MEMBER_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class ClassEntry:
    """One student's submission as found in the class folder."""

    name: str
    path: Path

    @property
    def kind(self) -> str:
        if self.path.is_dir():
            return "folder"
        return self.path.suffix.lower().lstrip(".")


def class_entries(folder: Path) -> list[ClassEntry]:
    """The submissions in a class folder: sub-folders, `.zip` files and `.ipynb` files, by name."""
    if not folder.is_dir():
        raise LearnError(T(f"--submissions {folder}: not a folder", f"--submissions {folder}：不是文件夹"))
    entries = []
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if path.name.startswith((".", "__")):
            continue
        if path.is_dir() or path.suffix.lower() in (".zip", ".ipynb"):
            entries.append(ClassEntry(_student_name(path), path))
    if not entries:
        raise LearnError(T(f"--submissions {folder}: no student folders, .zip or .ipynb files in it",
                           f"--submissions {folder}：里面没有学生的文件夹、.zip 或 .ipynb 文件"))
    return entries


def _student_name(path: Path) -> str:
    name = path.name if path.is_dir() else path.stem
    return "".join(ch if ch.isprintable() else "?" for ch in name)[:120]


def grade_class(
    entries: list[ClassEntry],
    exercises: list[Exercise],
    solutions: Path,
    *,
    lang: str = "en",
    engine: Engine,
    jobs: int = DEFAULT_JOBS,
    timeout: float | None = None,
    on_result: Callable[[str, Graded], None] | None = None,
    on_report: Callable[[SubmissionReport], None] | None = None,
    assignment: str = "",
) -> ClassReport:
    """Grade every entry, `jobs` students at a time, sharing one engine and one answer key."""
    started = time.monotonic()
    cache = ReferenceCache(None)  # memory only: no submission can prepare another's answer key

    def one(entry: ClassEntry) -> SubmissionReport:
        report = grade_entry(entry, exercises, solutions, lang=lang, engine=engine, cache=cache, timeout=timeout,
                             on_result=(lambda graded: on_result(entry.name, graded)) if on_result else None)
        if on_report is not None:
            on_report(report)
        return report

    graded_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    reports = run_parallel(one, entries, jobs)
    return ClassReport(tuple(exercises), tuple(reports), time.monotonic() - started, jobs, assignment, graded_at)


def grade_entry(
    entry: ClassEntry,
    exercises: list[Exercise],
    solutions: Path,
    *,
    lang: str,
    engine: Engine,
    cache: ReferenceCache,
    timeout: float | None,
    on_result: Callable[[Graded], None] | None,
) -> SubmissionReport:
    """One student's report; a submission that cannot be opened scores 0 with the reason."""
    with tempfile.TemporaryDirectory(prefix="learn-class-") as scratch:
        try:
            submission = open_entry(entry, Path(scratch), exercises)
            report = grade_submission(submission, exercises, solutions, lang=lang, engine=engine, cache=cache,
                                      jobs=1, timeout=timeout, on_result=on_result)
            return replace(report, path=str(entry.path))  # not the scratch folder a zip was unpacked in
        except LearnError as exc:
            return empty_report(entry, exercises, lang, ERROR, text("class_unreadable", detail=said(exc)), on_result)
        except Exception as exc:  # one student's bad luck or bad faith must not stop the class
            detail = text("grade_grader_error", detail=f"{type(exc).__name__}: {exc}")
            return empty_report(entry, exercises, lang, INFRA, detail, on_result)


def open_entry(entry: ClassEntry, scratch: Path, exercises: list[Exercise]) -> Submission:
    """The entry as a Submission (see grading.discover_submission); a zip is unpacked into `scratch`."""
    return discover_submission(entry.name, entry.path, exercises, scratch)


def empty_report(
    entry: ClassEntry,
    exercises: list[Exercise],
    lang: str,
    status: str,
    note: T,
    on_result: Callable[[Graded], None] | None = None,
) -> SubmissionReport:
    """A row of zeros that says why nothing could be graded (`lang`: the language the report is rendered in)."""
    graded = tuple(Graded(e, unanswered(e, status, note)) for e in exercises)
    if on_result is not None:
        for item in graded:
            on_result(item)
    return SubmissionReport(entry.name, str(entry.path), graded, lang=lang, versions=grading_versions(), note=note)


# ---- unpacking zips --------------------------------------------------------------


def extract_zip(archive_path: Path, target: Path) -> None:
    """Unpack a student's zip into `target`: no paths outside it, no links, bounded size."""
    try:
        with zipfile.ZipFile(archive_path) as archive:
            members = archive.infolist()
            if len(members) > MAX_ZIP_MEMBERS:
                raise LearnError(T(f"{archive_path.name}: more than {MAX_ZIP_MEMBERS} files",
                                   f"{archive_path.name}：文件超过 {MAX_ZIP_MEMBERS} 个"))
            budget = MAX_ZIP_BYTES
            for member in members:
                budget -= _extract_member(archive, member, target, budget)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
        # RuntimeError: an encrypted member; NotImplementedError: an unknown compression method
        raise LearnError(T(f"{archive_path.name}: not a readable zip ({exc})",
                           f"{archive_path.name}：不是可以读取的 zip 文件（{exc}）")) from None


def safe_member_path(name: str) -> PurePosixPath | None:
    """The member's relative path, or None when it would land outside the target folder."""
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or not path.parts or ".." in path.parts or ":" in path.parts[0]:
        return None
    if path.parts[0] == "__MACOSX":
        return None  # resource forks that macOS adds to zips, never code
    return path


def _extract_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, target: Path, budget: int) -> int:
    """Write one member (unless it is unsafe or a folder); return how many bytes it took."""
    relative = safe_member_path(member.filename)
    is_link = stat.S_ISLNK(member.external_attr >> 16)
    if relative is None or is_link or member.is_dir():
        return 0
    if member.file_size > min(MAX_ZIP_MEMBER_BYTES, budget):
        raise LearnError(T(f"{member.filename}: too large once unpacked", f"{member.filename}：解压后太大"))
    destination = target.joinpath(*relative.parts)
    destination.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    limit = min(MAX_ZIP_MEMBER_BYTES, budget)
    with archive.open(member) as source, open(destination, "wb") as out:
        # The sizes in the zip's header are the sender's claim: count what really comes out.
        while chunk := source.read(1 << 16):
            written += len(chunk)
            if written > limit:
                raise LearnError(T(f"{member.filename}: too large once unpacked", f"{member.filename}：解压后太大"))
            out.write(chunk)
    return written


# ---- where results go ---------------------------------------------------------------


def document_names(names: list[str]) -> list[str]:
    """A distinct, safe file name (without suffix) for each student's result document, in order."""
    files: list[str] = []
    taken = {"grades", "report"}
    for name in names:
        base = re.sub(r"[^\w.-]+", "_", name).strip("._") or "student"
        candidate, number = base, 2
        while candidate.lower() in taken:
            candidate, number = f"{base}-{number}", number + 1
        taken.add(candidate.lower())
        files.append(candidate)
    return files


# ---- what a student's repository needs in CI ------------------------------------------

REQUIREMENTS_FILE = "requirements.txt"


def requirements_text() -> str:
    """A workspace's requirements.txt: learn as installed here, and the CPU-only PyTorch it runs on."""
    return (
        "# What this workspace needs: CI installs it with `pip install -r requirements.txt`\n"
        "# (GitHub Actions' setup-python with `cache: pip` also keys its download cache on this file).\n"
        "#\n"
        "# PyTorch for the CPU is a far smaller download than the default (CUDA) build and is all\n"
        "# the exercises need: the next line lets pip take it from PyTorch's CPU index.\n"
        "--extra-index-url https://download.pytorch.org/whl/cpu\n"
        "torch>=2.2\n"
        "torchvision>=0.17\n"
        "# learn, as it was installed where this workspace was made. If the course comes from\n"
        "# elsewhere, name it instead, e.g. learn-pytorch @ git+https://github.com/YOUR-ORG/learn-pytorch\n"
        f"{learn_requirement()}\n"
    )


def learn_requirement() -> str:
    """learn pinned to what is installed: its git commit when it came from a repository, else its version."""
    import json
    from importlib import metadata

    try:
        distribution = metadata.distribution("learn-pytorch")
    except metadata.PackageNotFoundError:
        return "learn-pytorch"
    try:
        origin = json.loads(distribution.read_text("direct_url.json") or "{}")
    except ValueError:
        origin = {}
    vcs, url = origin.get("vcs_info"), str(origin.get("url", ""))
    if isinstance(vcs, dict) and vcs.get("commit_id") and url.startswith(("https://", "ssh://")):
        return f"learn-pytorch @ {vcs.get('vcs', 'git')}+{url}@{vcs['commit_id']}"
    return f"learn-pytorch=={distribution.version}"


def write_requirements(workspace: Path) -> Path | None:
    """Write `requirements.txt` into a new workspace, unless one is there (it may be the learner's)."""
    target = workspace / REQUIREMENTS_FILE
    if target.exists():
        return None
    try:
        target.write_text(requirements_text(), encoding="utf-8")
    except OSError as exc:
        raise LearnError(T(f"cannot write {target}: {exc.strerror}", f"无法写入 {target}：{exc.strerror}")) from None
    return target
