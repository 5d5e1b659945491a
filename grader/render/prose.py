"""Text for the terminal, wrapped the way a learner reads it.

Rich wraps at spaces only, so a Chinese sentence (which has none) is folded
anywhere, even inside `astype(np.float32)`, and a command in backticks can
be split over two lines. `Prose` wraps at spaces and between Chinese
characters, never inside a run of code-like characters or a `backtick`
span, and pads nothing: piped output gets each line exactly as written.

Statements are plain text written in the starters' docstrings. `statement`
keeps each code line (indented examples, doctests, formulas, tables) as one
line, exactly as written, and wraps only prose.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from grader.course.statement import hanging_indent, statement_blocks

#: characters a line may break before or after (CJK ideographs, kana, full-width forms)
_CJK = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f"
#: punctuation that must not start a line: it sticks to what comes before it
_NO_LINE_START = set("，。、；：？！）」』】》〉”’…%,.;:?!)]}")
#: the unbreakable pieces of a line: a `code span`, a space run, one CJK character, or a run of anything else
_TOKEN = re.compile(rf"`[^`\n]*`|\s+|[{_CJK}]|[^\s`{_CJK}]+|`")
CODE_STYLE = "cyan"


@dataclass(frozen=True)
class Piece:
    """An unbreakable piece of a line: `text` in `style`, then `tail` (punctuation glued to it) unstyled."""

    text: str
    style: str = ""
    tail: str = ""

    @property
    def is_space(self) -> bool:
        return not (self.text + self.tail).strip()

    @property
    def width(self) -> int:
        return cell_len(self.text + self.tail)


def pieces(line: str, *, code_spans: bool) -> list[Piece]:
    """`line` split into unbreakable pieces; with `code_spans`, backticks are dropped and the code styled."""
    found: list[Piece] = []
    for token in _TOKEN.findall(line):
        if code_spans and len(token) >= 2 and token.startswith("`") and token.endswith("`"):
            found.append(Piece(token[1:-1], CODE_STYLE))
        elif found and not found[-1].is_space and token[0] in _NO_LINE_START:
            # Closing punctuation joins the piece before it, so no line starts with "，" or ")".
            last = found.pop()
            found.append(Piece(last.text, last.style, last.tail + token) if last.style
                         else Piece(last.text + token))
        else:
            found.append(Piece(token))
    return found


def wrap(line: str, width: int, hang: int = 0, *, code_spans: bool = False) -> list[list[Piece]]:
    """Greedy wrap of one line into lines of at most `width` cells (a piece wider than that gets a line of its own).

    Continuation lines start with `hang` spaces (a list item's text lines up under its first word).
    """
    return wrap_pieces(pieces(line, code_spans=code_spans), width, hang)


def wrap_pieces(found: list[Piece], width: int, hang: int = 0) -> list[list[Piece]]:
    """`wrap` for a line already split into pieces."""
    lines: list[list[Piece]] = [[]]
    used = 0
    for piece in _fold_wide(found, max(1, width - hang)):
        has_text = any(not p.is_space for p in lines[-1][1 if hang and len(lines) > 1 else 0:])
        if has_text and not piece.is_space and used + piece.width > width:
            while lines[-1] and lines[-1][-1].is_space:
                lines[-1].pop()
            lines.append([Piece(" " * hang)] if hang else [])
            used = hang
        if piece.is_space and used == hang and len(lines) > 1:
            continue  # no spaces at the start of a continuation line
        lines[-1].append(piece)
        used += piece.width
    return lines


def _fold_wide(found: list[Piece], room: int) -> Iterator[Piece]:
    """Pieces as they are, except one wider than a whole line: cut into line-sized parts (nothing is lost)."""
    for piece in found:
        if piece.width <= room or piece.is_space:
            yield piece
            continue
        text = piece.text + piece.tail
        while text:
            cut = _fit(text, room)
            yield Piece(text[:cut], piece.style)
            text = text[cut:]


def _segments(line: list[Piece], base: Style | None, console: Console) -> Iterator[Segment]:
    for piece in line:
        style = console.get_style(piece.style) if piece.style else None
        yield Segment(piece.text, (base + style) if base and style else (style or base))
        if piece.tail:
            yield Segment(piece.tail, base)


class Prose:
    """Text wrapped at spaces and between CJK characters, never inside code; no padding, no wrapping when piped."""

    def __init__(self, text: str, style: str = "", indent: int = 0, *, code_spans: bool = False,
                 hanging: bool = True, lead: tuple[str, str] | None = None) -> None:
        self.text = text
        self.lead = lead  #: (text, style) that starts the first line, such as a coloured "hint: "
        self.style = style
        self.indent = indent
        self.code_spans = code_spans
        self.hanging = hanging  #: list items' continuation lines line up under their first word

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        base = console.get_style(self.style) if self.style else None
        width = max(20, options.max_width - self.indent)
        for number, source in enumerate(self.text.splitlines() or [""]):
            lead = [Piece(self.lead[0], self.lead[1])] if self.lead and number == 0 else []
            yield from self._line(source, lead, width, base, console, wrapped=not options.no_wrap)

    def _line(self, source: str, lead: list[Piece], width: int, base: Style | None,
              console: Console, *, wrapped: bool) -> Iterable[Segment]:
        hang = hanging_indent(source) if self.hanging else 0
        found = lead + pieces(source, code_spans=self.code_spans)
        # soft-wrapped (piped) output: each line whole, as written; the reader's own tools wrap it
        lines = wrap_pieces(found, width, hang) if wrapped else [found]
        for line in lines:
            if self.indent:
                yield Segment(" " * self.indent)
            yield from _segments(line, base, console)
            yield Segment.line()


# ---- statements ------------------------------------------------------------------------


class StatementText:
    """A statement for the terminal: prose wrapped with `Prose`, code lines whole and in the code style."""

    def __init__(self, body: str, indent: int = 2) -> None:
        self.body = body
        self.indent = indent

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        code = console.get_style(CODE_STYLE)
        for kind, line in statement_blocks(self.body):
            if kind == "code":
                yield from _code_line(line.rstrip(), self.indent, options.max_width, code, not options.no_wrap)
            elif kind == "blank":
                yield Segment.line()
            else:
                yield from Prose(line, indent=self.indent, code_spans=True).__rich_console__(console, options)


def _code_line(line: str, indent: int, max_width: int, style: Style, wrapped: bool) -> Iterator[Segment]:
    """A code line exactly as written; when wrapping to a width narrower than the line, folded rather than cut off."""
    width = max(10, max_width - indent)
    chunks = [line]
    if wrapped and cell_len(line) > width:
        chunks = []
        while line:
            cut = _fit(line, width)
            chunks.append(line[:cut])
            line = line[cut:]
    for chunk in chunks:
        yield Segment(" " * indent)
        yield Segment(chunk, style)
        yield Segment.line()


def _fit(line: str, width: int) -> int:
    """How many characters of `line` fit in `width` cells (at least one)."""
    used = 0
    for index, char in enumerate(line):
        used += cell_len(char)
        if used > width:
            return max(1, index)
    return len(line)


def plain(renderable: object, width: int = 80, terminal: bool = True) -> str:
    """What `renderable` prints, without colours (for tests and for measuring)."""
    console = Console(width=width, force_terminal=terminal, color_system=None, record=False, file=_Sink())
    with console.capture() as captured:
        show(console, renderable)
    return captured.get()


def show(console: Console, renderable: object) -> None:
    """Print for a terminal (wrapped to its width), or, piped, each line whole and unpadded."""
    if console.is_terminal:
        console.print(renderable)
    else:
        console.print(renderable, soft_wrap=True, crop=False)


class _Sink(io.StringIO):
    """A text file that keeps nothing (the console's output is captured, not written)."""

    def write(self, text: str) -> int:
        return len(text)


def as_text(text: str, style: str = "") -> Text:
    """A plain Rich Text (for places that need one, such as table cells)."""
    return Text(text, style=style)
