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

from grader.text.i18n import T

#: section headings, as the starters write them
HEADINGS = {"en": "English", "zh": "中文"}
#: a line that ends in Chinese text (or Chinese punctuation): the next line of its paragraph joins it without a space
CJK_END = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]$")
#: a list item's marker: "1. ", "- ", "* "
LIST_MARKER = re.compile(r"^(\s*)((?:\d+[.)]|[-*•])\s+)")
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
    lines: list[str] = []
    previous = ""
    for kind, line in statement_blocks(text):
        continues = len(line) - len(line.lstrip(" ")) >= hanging_indent(lines[-1]) if lines else False
        if (kind == "prose" and previous == "prose" and continues and CJK_END.search(lines[-1])
                and not LIST_MARKER.match(line)):
            lines[-1] += line.strip()  # Markdown-style joining would put a space between two Chinese lines
        else:
            lines.append(line)
        previous = kind
    return "\n".join(lines)


def hanging_indent(line: str) -> int:
    """Where a list item's text starts ("1. text" → 3), else the line's own indentation."""
    marker = LIST_MARKER.match(line)
    if marker:
        return len(marker.group(1)) + len(marker.group(2))
    return len(line) - len(line.lstrip(" "))


def statement_blocks(body: str) -> list[tuple[str, str]]:
    """Each line of a statement as ("code", line) or ("prose", line); code is shown exactly as written.

    Code is what the starters indent by four or more beyond the text around it
    (examples, formulas, shape tables), doctest lines, and table rows.
    """
    blocks: list[tuple[str, str]] = []
    item_indent, item_hang = -1, 0
    in_doctest = False
    for line in body.splitlines():
        stripped = line.strip()
        indent = len(line) - len(line.lstrip(" "))
        if not stripped:
            blocks.append(("blank", ""))
            in_doctest = False
            continue
        if stripped.startswith((">>>", "...")) and not stripped.startswith("...)"):
            in_doctest = True
            blocks.append(("code", line))
            continue
        if in_doctest and indent >= item_hang:
            blocks.append(("code", line))  # a doctest's expected output
            continue
        in_doctest = False
        if indent <= item_indent and not LIST_MARKER.match(line):
            item_indent, item_hang = -1, 0  # the list ended
        if indent >= item_hang + 4 or stripped.startswith("|"):
            blocks.append(("code", line))
            continue
        marker = LIST_MARKER.match(line)
        if marker:
            item_indent, item_hang = indent, hanging_indent(line)
        blocks.append(("prose", line))
    return blocks


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
