"""The bilingual sentence `T`: one text in English and 中文.

Nothing from grader is imported here, so the message tables (`grader.text.messages`)
and `grader.text.i18n`, which reads them, can both build on it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class T:
    """A sentence in English and Chinese; `format` fills both the same way."""

    en: str
    zh: str

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def format(self, **params: Any) -> T:
        """Fill placeholders; a parameter that is itself a `T` is used in the matching language."""
        en = {k: v.en if isinstance(v, T) else v for k, v in params.items()}
        zh = {k: v.zh if isinstance(v, T) else v for k, v in params.items()}
        return T(self.en.format(**en), self.zh.format(**zh))

    def join(self, parts: Iterable[T]) -> T:
        """`parts` one after the other, with this pair as the separator in each language (like `str.join`).

        `SENTENCES.join([a, b])` runs two sentences on; `LINES.join(parts)` puts each on its own line.
        """
        parts = list(parts)
        return T(self.en.join(p.en for p in parts), self.zh.join(p.zh for p in parts))


#: sentences that follow each other: a space in English, nothing in Chinese (full-width punctuation ends them)
SENTENCES = T(" ", "")
#: one part per line, in both languages
LINES = T("\n", "\n")
