"""The course catalogue: `exercises/info.toml` read into frozen objects.

No printing, no torch: `learn list` and `learn hint` are answered from here.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from grader.errors import LearnError
from grader.limits import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT
from grader.text.i18n import T

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found]  # only installed on Python < 3.11

CATALOG_FORMAT = 1
DEFAULT_POINTS = 10.0


@dataclass(frozen=True)
class Topic:
    """A group of exercises, stored in one folder of exercises/ and solutions/."""

    id: str
    dir: str
    title: T


@dataclass(frozen=True)
class Exercise:
    """One catalogue entry."""

    id: str
    topic: Topic
    order: int
    title: T
    hints: tuple[T, ...]
    points: float = DEFAULT_POINTS
    timeout: float = DEFAULT_TIMEOUT  #: seconds of wall time for one probe run
    memory_mb: int = DEFAULT_MEMORY_MB

    @property
    def relative_path(self) -> str:
        """Where the file lives below exercises/ (and solutions/)."""
        return f"{self.topic.dir}/{self.id}.py"

    @property
    def check_module(self) -> str:
        return f"grader.checks.{self.id}"


@dataclass(frozen=True)
class Catalog:
    """All topics and exercises, exercises sorted by their `order`."""

    topics: tuple[Topic, ...]
    exercises: tuple[Exercise, ...]

    def get(self, exercise_id: str) -> Exercise:
        for exercise in self.exercises:
            if exercise.id == exercise_id:
                return exercise
        raise LearnError(unknown_id_message(exercise_id, [e.id for e in self.exercises]))

    @property
    def ids(self) -> list[str]:
        return [e.id for e in self.exercises]


def unknown_id_message(name: str, known: list[str]) -> T:
    """"unknown exercise" with the ids a typo of `name` could mean (none when nothing is close)."""
    import difflib

    # 0.75: "tensr_create" finds tensor_create, but "nonexistent" finds nothing rather than mnist_cnn.
    close = difflib.get_close_matches(name, known, n=3, cutoff=0.75)
    close += [k for k in known if len(name) >= 4 and name in k and k not in close][: 3 - len(close)]
    if close:
        return T(f"unknown exercise {name!r}; did you mean {', '.join(close)}?",
                 f"没有名为 {name!r} 的练习；你是不是想输入 {'、'.join(close)}？")
    return T(f"unknown exercise {name!r}; run `learn list` to see them all",
             f"没有名为 {name!r} 的练习；运行 `learn list` 查看所有练习")


def load_catalog(path: Path) -> Catalog:
    """Read and validate info.toml; any problem is a LearnError naming the file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LearnError(T(f"no catalogue at {path}", f"{path} 处没有练习目录")) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LearnError(T(f"{path} is not valid TOML: {exc}", f"{path} 不是有效的 TOML：{exc}")) from None
    if data.get("format_version") != CATALOG_FORMAT:
        raise LearnError(T(f"{path}: format_version must be {CATALOG_FORMAT}",
                           f"{path}：format_version 必须是 {CATALOG_FORMAT}"))
    try:
        topics = {t["id"]: Topic(t["id"], t["dir"], _text(t["title"])) for t in data.get("topics", [])}
        exercises = [_exercise(entry, topics) for entry in data.get("exercises", [])]
    except (KeyError, TypeError, ValueError) as exc:
        raise LearnError(T(f"{path}: malformed entry ({exc})", f"{path}：有格式不对的条目（{exc}）")) from None
    ids = [e.id for e in exercises]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise LearnError(T(f"{path}: duplicate exercise ids {duplicates}", f"{path}：练习 id 有重复 {duplicates}"))
    exercises.sort(key=lambda e: e.order)
    return Catalog(tuple(topics.values()), tuple(exercises))


def _exercise(entry: dict[str, Any], topics: dict[str, Topic]) -> Exercise:
    if entry["topic"] not in topics:
        raise ValueError(f"exercise {entry['id']!r} names unknown topic {entry['topic']!r}")
    hints = entry.get("hints", {})
    en, zh = list(hints.get("en", [])), list(hints.get("zh", []))
    if len(en) != len(zh):
        raise ValueError(f"exercise {entry['id']!r} has {len(en)} English hints but {len(zh)} Chinese ones")
    return Exercise(
        id=entry["id"],
        topic=topics[entry["topic"]],
        order=int(entry["order"]),
        title=_text(entry["title"]),
        hints=tuple(T(a, b) for a, b in zip(en, zh, strict=True)),
        points=float(entry.get("points", DEFAULT_POINTS)),
        timeout=float(entry.get("timeout", DEFAULT_TIMEOUT)),
        memory_mb=int(entry.get("memory_mb", DEFAULT_MEMORY_MB)),
    )


def _text(value: dict[str, str]) -> T:
    return T(str(value["en"]), str(value["zh"]))
