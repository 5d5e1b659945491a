"""Bilingual text: every learner-facing sentence exists in English and 中文.

Two kinds of text meet here:
- `T(en, zh)`: a pair written next to the thing it describes (case names,
  hints, explanations inside a check module);
- `msg(key, lang, **params)`: the engine's own sentences, kept in
  `grader.messages.MESSAGES` so a test can prove both languages are there.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from grader.errors import LearnError

LANGUAGES = ("en", "zh")
DEFAULT_LANG = "en"


@dataclass(frozen=True)
class T:
    """A sentence in English and Chinese; `format` fills both the same way."""

    en: str
    zh: str

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def format(self, **params: Any) -> "T":
        """Fill placeholders; a parameter that is itself a `T` is used in the matching language."""
        en = {k: v.en if isinstance(v, T) else v for k, v in params.items()}
        zh = {k: v.zh if isinstance(v, T) else v for k, v in params.items()}
        return T(self.en.format(**en), self.zh.format(**zh))


def resolve_lang(option: str | None) -> str:
    """The language to speak: the --lang option, else LEARN_LANG, else English."""
    lang = (option or os.environ.get("LEARN_LANG") or DEFAULT_LANG).strip().lower()
    aliases = {"zh-cn": "zh", "zh_cn": "zh", "cn": "zh", "chinese": "zh", "english": "en"}
    lang = aliases.get(lang, lang)
    if lang not in LANGUAGES:
        raise LearnError(f"unknown language {lang!r}: use 'en' or 'zh' (--lang or LEARN_LANG)")
    return lang


def msg(key: str, lang: str, **params: Any) -> str:
    """The engine's sentence `key` in `lang`, with `params` filled in."""
    from grader.messages import MESSAGES

    return MESSAGES[key].get(lang).format(**params)


def text(key: str, **params: Any) -> T:
    """The engine's sentence `key` in both languages, with `params` filled in."""
    from grader.messages import MESSAGES

    return MESSAGES[key].format(**params)
