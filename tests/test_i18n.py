"""Every engine sentence exists in English and Chinese, with the same placeholders."""

from __future__ import annotations

import string

import pytest

from grader.i18n import T, resolve_lang
from grader.messages import MESSAGES


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_both_languages(key):
    message = MESSAGES[key]
    assert message.en.strip() and message.zh.strip()
    assert placeholders(message.en) == placeholders(message.zh), key


def test_zh_is_chinese():
    untranslated = [k for k, m in MESSAGES.items() if m.en == m.zh and any(c.isalpha() for c in m.en)]
    assert untranslated == []


def test_t_params_in_each_language():
    where = T("your result", "你的结果")
    filled = T("{where} is wrong", "{where} 不对").format(where=where)
    assert filled.en == "your result is wrong" and filled.zh == "你的结果 不对"


def test_resolve_lang(monkeypatch):
    monkeypatch.setenv("LEARN_LANG", "zh")
    assert resolve_lang(None) == "zh"
    assert resolve_lang("en") == "en"
    monkeypatch.delenv("LEARN_LANG")
    assert resolve_lang(None) == "en"
