"""`learn grade` as one use case: a request in; the reports, the documents and the files written out.

The command line parses its options into a `GradeRequest`, calls `run_grade`
and shows the outcome. Everything in between is here: checking the options
against each other, choosing the exercises, confining learner code, opening
and grading the submission (or the class) and writing the documents asked
for. Nothing here prints; a class run reports its progress through a callback.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path

from grader.course.catalog import Exercise
from grader.course.workspace import Workspace
from grader.engine.engine import LONG_SESSION_PRELOAD, shared_engine
from grader.errors import LearnError
from grader.limits import DEFAULT_JOBS
from grader.render.formats import SUBMISSION_FORMATS, document_renderer, write_output
from grader.results import ClassReport, SubmissionReport
from grader.text.i18n import T
from grader.usecases.classroom import ClassEntry, class_entries, document_names, grade_class, open_entry
from grader.usecases.grade import grade_submission, min_score_threshold, reaches, select_exercises

#: the file suffix of each document format
SUFFIXES = {"json": ".json", "junit": ".xml", "gradescope": ".json", "github": ".json"}

#: shows a class run's progress: entered with (students, results to come), it gives what to call once per result
ClassProgress = Callable[[int, int], AbstractContextManager[Callable[[], None]]]


@dataclass(frozen=True)
class GradeRequest:
    """What `learn grade` was asked: one submission (or a class), which exercises, which documents where."""

    submission: Path | None = None  #: a folder, .zip or .ipynb; neither this nor `submissions`: exercises/
    submissions: Path | None = None  #: a class: one folder, .zip or .ipynb per student
    solutions: Path | None = None  #: the reference solutions (default: the workspace's)
    only: str | None = None
    topic: str | None = None
    fmt: str = "table"  #: one of SUBMISSION_FORMATS
    output: Path | None = None  #: one submission: write the document here instead of printing it
    output_dir: Path = Path("grades")  #: a class: where grades.csv and the students' documents go
    report: Path | None = None  #: a class: the HTML report
    min_score: str | None = None  #: points (7.5) or a percentage (80%) that make the exit code 0
    jobs: int = DEFAULT_JOBS
    timeout: float | None = None  #: seconds per probe, instead of each exercise's limit
    assignment: str | None = None  #: a class: the assignment's name (default: the class folder's)
    lang: str = "en"
    require_isolation: bool = False
    github_output: str | None = None  #: $GITHUB_OUTPUT: `--format github` appends the step's output there


@dataclass(frozen=True)
class SubmissionOutcome:
    """One graded submission: its report, its document, and whether it reached --min-score."""

    report: SubmissionReport
    document: str | None  #: the document in the format asked for; None for the table
    threshold: float  #: the score --min-score asks for
    met: bool
    output: Path | None = None  #: the file written, when --output was given

    @property
    def exit_code(self) -> int:
        return 0 if self.met else 1


@dataclass(frozen=True)
class ClassOutcome:
    """A graded class and the files written for it."""

    report: ClassReport
    grades: Path  #: the grade sheet (grades.csv)
    documents: tuple[Path, ...]  #: one result document per student, in the order of their names
    html_report: Path | None = None
    exit_code: int = 0


def run_grade(request: GradeRequest, progress: ClassProgress | None = None) -> SubmissionOutcome | ClassOutcome:
    """Grade what the request names and write the documents it asks for."""
    if request.fmt not in SUBMISSION_FORMATS:
        raise LearnError(T(f"--format {request.fmt!r}: use one of {', '.join(SUBMISSION_FORMATS)}",
                           f"--format {request.fmt!r}：可选的格式有 {'、'.join(SUBMISSION_FORMATS)}"))
    if request.submission is not None and request.submissions is not None:
        raise LearnError(T("use --submission for one student or --submissions for a class, not both",
                           "--submission 用于一名学生，--submissions 用于整个班级，两者只能选一个"))
    course_fallback = request.submission is not None or request.submissions is not None
    ws = Workspace.discover(solutions=request.solutions, course_fallback=course_fallback)
    confine_learner_code(ws, request.require_isolation)
    exercises = select_exercises(ws.catalog(), request.only, request.topic)
    if request.submissions is not None:
        if request.output is not None or request.min_score is not None:
            raise LearnError(T("--output and --min-score are for one submission; a class run writes --output-dir",
                               "--output 和 --min-score 只用于一份提交；批改整个班级时结果写入 --output-dir"))
        return grade_class_folder(request, request.submissions, exercises, ws, progress)
    if request.report is not None:
        raise LearnError(T("--report needs --submissions (it describes a whole class)",
                           "--report 需要配合 --submissions 使用（它描述的是整个班级）"))
    report = grade_one(request.submission or ws.root / "exercises", exercises, ws, request)
    return deliver(report, request)


def confine_learner_code(ws: Workspace, required: bool) -> None:
    """Keep the solutions in use out of every probe, and refuse to start without the isolation asked for."""
    from grader import sandbox

    sandbox.protect(ws.solutions)
    missing = sandbox.missing_layers() if required else []
    if missing:
        raise LearnError(T("--require-isolation: this host does not confine learner code fully ("
                           + "; ".join(missing) + "); see `learn doctor` and the README, \"Limits and isolation\"",
                           "--require-isolation：这台主机无法完全隔离学习者的代码（"
                           + "；".join(missing) + "）；请查看 `learn doctor` 和 README 的“Limits and isolation”一节"))


def grade_one(path: Path, exercises: list[Exercise], ws: Workspace, request: GradeRequest) -> SubmissionReport:
    """One submission's report: a folder, a .zip (unpacked in a scratch folder) or a notebook."""
    if not path.exists():
        raise LearnError(T(f"--submission {path}: no such file or folder",
                           f"--submission {path}：没有这个文件或文件夹"))
    if path.is_file() and path.suffix.lower() not in (".zip", ".ipynb"):
        raise LearnError(T(f"--submission {path}: expected a folder, a .zip or a .ipynb notebook",
                           f"--submission {path}：需要一个文件夹、.zip 文件或 .ipynb 笔记本"))
    engine = shared_engine(LONG_SESSION_PRELOAD)
    engine.start()  # the workers import torch while the submission is being opened
    with tempfile.TemporaryDirectory(prefix="learn-submission-") as scratch:
        name = path.resolve().name if path.is_dir() else path.stem
        opened = open_entry(ClassEntry(name, path), Path(scratch), exercises)
        return grade_submission(opened, exercises, ws.solutions, lang=request.lang, engine=engine, jobs=request.jobs,
                                timeout=request.timeout)


def deliver(report: SubmissionReport, request: GradeRequest) -> SubmissionOutcome:
    """The report's document, written to --output and $GITHUB_OUTPUT as asked, and the --min-score verdict."""
    threshold = min_score_threshold(request.min_score, report.max_score)
    document = None if request.fmt == "table" else document_renderer(request.fmt)(report)
    if request.output is not None:
        if document is None:
            from grader.render.formats.table import plain_text

            write(request.output, plain_text(report, request.lang))
        else:
            write(request.output, document)
    if request.fmt == "github" and request.github_output:
        from grader.render.formats.github import step_output

        with open(request.github_output, "a", encoding="utf-8") as handle:
            handle.write(step_output(document or ""))
    return SubmissionOutcome(report, document, threshold, reaches(report, threshold), request.output)


def grade_class_folder(request: GradeRequest, folder: Path, exercises: list[Exercise], ws: Workspace,
                       progress: ClassProgress | None) -> ClassOutcome:
    """Grade every student of a class folder; each one's document is written as soon as they are graded."""
    from grader.render.formats import html_report, spreadsheet

    entries = class_entries(folder)
    output_dir = request.output_dir
    output_dir.mkdir(parents=True, exist_ok=True)
    doc_format = "json" if request.fmt == "table" else request.fmt
    render_document = document_renderer(doc_format)
    files = dict(zip((str(e.path) for e in entries), document_names([e.name for e in entries]), strict=True))
    documents = {path: output_dir / f"{name}{SUFFIXES[doc_format]}" for path, name in files.items()}
    engine = shared_engine(LONG_SESSION_PRELOAD)
    engine.start()
    steps = len(entries) * len(exercises)
    showing = progress(len(entries), steps) if progress is not None else nullcontext(lambda: None)
    with showing as advance:

        def save(student: SubmissionReport) -> None:
            # Written as soon as the student is done: an interrupted class run keeps what it graded.
            write(documents[student.path], render_document(student))

        assignment = request.assignment if request.assignment is not None else folder.resolve().name
        result = grade_class(entries, exercises, ws.solutions, lang=request.lang, engine=engine, jobs=request.jobs,
                             timeout=request.timeout, on_result=lambda _name, _graded: advance(), on_report=save,
                             assignment=assignment)
    grades = output_dir / "grades.csv"
    write(grades, spreadsheet.render(result))
    report_path = request.report
    if report_path is not None:
        # Links from the report to each student's document, relative so the folder can be moved or zipped.
        here = report_path.resolve().parent
        folder_now = output_dir.resolve()
        links = {path: Path(os.path.relpath(folder_now / document.name, here)).as_posix()
                 for path, document in documents.items()}
        write(report_path, html_report.render(result, request.lang, links))
    return ClassOutcome(result, grades, tuple(documents.values()), report_path)


def write(path: Path, text: str) -> None:
    """Write a document with the user's umask (grade sheets and reports are meant to be shared)."""
    try:
        write_output(path, text)
    except OSError as exc:
        raise LearnError(T(f"cannot write {path}: {exc.strerror}", f"无法写入 {path}：{exc.strerror}")) from None
