"""An exercise's statement: the module docstring of its starter, one language at a time.

A starter's docstring has a title line ("English title / 中文标题") and two
sections, each a heading underlined with dashes:

    English
    -------
    ...
    中文
    ----
    ...

It is read with `ast`, never by importing the file: the learner's code may
not even parse, and importing it would run it (and import torch).
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

from grader.i18n import T

#: section headings, as the starters write them
HEADINGS = {"en": "English", "zh": "中文"}
#: a line break between two lines of Chinese text: Markdown would turn it into a space
#: (a list item's continuation lines are indented by up to 3 spaces; 4 or more is code, left alone)
CJK_BREAK = re.compile(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])\n {0,3}(?=[^\s\-*>\d])")
#: where examples shared by both languages start, after the last section (nested examples are indented more)
SHARED_EXAMPLES = re.compile(r"^    >>>.*$", re.MULTILINE)
#: the closing "Check your work / 检查：  learn check ID" line: the CLI says how to check itself
CHECK_LINE = re.compile(r"^\s*Check your work\b.*$", re.MULTILINE)


@dataclass(frozen=True)
class Statement:
    """What an exercise asks, in both languages, as Markdown."""

    title: T
    body: T


def parse_statement(source: str) -> Statement | None:
    """The statement in `source`'s module docstring; None if the file does not parse or has none."""
    try:
        docstring = ast.get_docstring(ast.parse(source), clean=True)
    except (SyntaxError, ValueError):  # ValueError: null bytes in the source
        return None
    if not docstring:
        return None
    return statement_from_docstring(docstring)


def statement_from_docstring(docstring: str) -> Statement:
    """The statement in a starter's docstring (see the module docstring for its layout)."""
    first, _, rest = docstring.partition("\n")
    title_en, _, title_zh = first.partition(" / ")
    title = T(title_en.strip(), (title_zh or title_en).strip())
    sections = split_sections(rest)
    if not sections:
        body = _tidy(rest)
        return Statement(title, T(body, body))
    en = sections.get("en") or sections.get("zh", "")
    zh = join_cjk_lines(sections.get("zh") or en)
    shared, trailing = sections.get("shared", ""), sections.get("trailing", "")
    return Statement(title, T(_join(shared, en, trailing), _join(shared, zh, trailing)))


def split_sections(text: str) -> dict[str, str]:
    """The body of each language's section, keyed "en" / "zh"; empty when there are no headings.

    Text before the first heading (a table or code both languages need) is kept under "shared".
    """
    lines = text.splitlines()
    starts: list[tuple[int, str]] = []
    for i, line in enumerate(lines[:-1]):
        underline = lines[i + 1].strip()
        for lang, heading in HEADINGS.items():
            if line.strip() == heading and underline and set(underline) == {"-"}:
                starts.append((i, lang))
    sections = {"shared": _tidy("\n".join(lines[: starts[0][0]]))} if starts else {}
    for n, (start, lang) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        sections[lang] = _tidy("\n".join(lines[start + 2 : end]))
    if starts:
        # Examples (4-space `>>>` lines) after the last section belong to both languages.
        last = starts[-1][1]
        own, _, examples = sections[last].partition(_examples_start(sections[last]))
        if examples:
            trailing = _tidy(_examples_start(sections[last]) + examples)
            sections[last] = _tidy(own)
            sections["trailing"] = trailing
    return sections


def _examples_start(text: str) -> str:
    """The first line of shared examples in a section's text, or "" when there are none."""
    found = SHARED_EXAMPLES.search(text)
    return found.group(0) if found else "\x00"


def join_cjk_lines(text: str) -> str:
    """Undo the line wrapping inside Chinese paragraphs (list items, code and blank lines stay)."""
    return CJK_BREAK.sub("", text)


def _join(*parts: str) -> str:
    return "\n\n".join(part for part in parts if part)


def _tidy(text: str) -> str:
    """Without the "Check your work" line and blank lines at either end; indentation kept (it marks code)."""
    lines = CHECK_LINE.sub("", text).splitlines()
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)
