"""Bilingual text: every learner-facing sentence exists in English and 中文.

Two kinds of text meet here:
- `T(en, zh)` (from `grader.text.bilingual`, re-exported here): a pair written
  next to the thing it describes (case names, hints, explanations inside a check module);
- `msg(key, lang, **params)`: the engine's own sentences, kept in
  `grader.text.messages.MESSAGES` so a test can prove both languages are there.
"""

from __future__ import annotations

import os
from typing import Any

from grader.errors import LearnError
from grader.text.bilingual import LINES, SENTENCES, T
from grader.text.messages import MESSAGES

__all__ = ["DEFAULT_LANG", "LANGUAGES", "LINES", "SENTENCES", "T", "msg", "resolve_lang", "set_run_lang", "text"]

LANGUAGES = ("en", "zh")
DEFAULT_LANG = "en"


#: `learn --lang zh COMMAND`: the language given before the command, for every command of this run
_run_lang: str | None = None


def set_run_lang(option: str | None) -> None:
    """Remember `learn --lang X` for this run (None forgets it: each run of the app sets it afresh)."""
    global _run_lang
    _run_lang = option


def resolve_lang(option: str | None) -> str:
    """The language to speak: the command's --lang, else `learn --lang`, else LEARN_LANG, else English."""
    lang = (option or _run_lang or os.environ.get("LEARN_LANG") or DEFAULT_LANG).strip().lower()
    aliases = {"zh-cn": "zh", "zh_cn": "zh", "cn": "zh", "chinese": "zh", "english": "en"}
    lang = aliases.get(lang, lang)
    if lang not in LANGUAGES:
        raise LearnError(T(f"unknown language {lang!r}: use 'en' or 'zh' (--lang or LEARN_LANG)",
                           f"未知的语言 {lang!r}：请使用 'en' 或 'zh'（--lang 或 LEARN_LANG）"))
    return lang


def msg(key: str, lang: str, **params: Any) -> str:
    """The engine's sentence `key` in `lang`, with `params` filled in."""
    return MESSAGES[key].get(lang).format(**params)


def text(key: str, **params: Any) -> T:
    """The engine's sentence `key` in both languages, with `params` filled in."""
    return MESSAGES[key].format(**params)
