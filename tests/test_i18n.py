"""Every engine sentence exists in English and Chinese, with the same placeholders."""

from __future__ import annotations

import re
import string
import sys

import pytest

from grader.text.i18n import T, resolve_lang
from grader.text.messages import MESSAGES


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


# ---- nothing left in English under --lang zh ------------------------------------------------

#: four or more English words in a row: a sentence nobody translated
ENGLISH_RUN = re.compile(r"\b[A-Za-z]{2,}[,;:]?(?:[ \t]+[A-Za-z]{2,}[,;:.]?){3,}")
#: what may stay as written: code in backticks, quoted text (error messages PyTorch prints), URLs
VERBATIM = re.compile(r"`[^`]*`|\"[^\"]*\"|'[^']*'|https?://\S+")


def english_sentences(text: str) -> list[str]:
    return ENGLISH_RUN.findall(VERBATIM.sub(" ", text))


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_reads_as_chinese_in_zh(key):
    template = MESSAGES[key].zh
    values = {name: "X" if not spec else 1.5 for _, name, spec, _ in string.Formatter().parse(template) if name}
    filled = template.format(**values)
    assert english_sentences(filled) == [], (key, filled)


def help_in(argv: list[str], capsys, monkeypatch, env_lang: str | None = None, columns: int = 200) -> str:
    """`learn ARGV` run through the real entry point (the one that picks the help's language)."""
    import grader.cli as cli

    if env_lang:
        monkeypatch.setenv("LEARN_LANG", env_lang)
    else:
        monkeypatch.delenv("LEARN_LANG", raising=False)
    monkeypatch.setattr(sys, "argv", ["learn", *argv])
    monkeypatch.setenv("COLUMNS", str(columns))  # 200 by default: whole lines, a sentence stays on one
    with pytest.raises(SystemExit) as exited:
        cli.main()
    assert exited.value.code == 0
    return capsys.readouterr().out


def command_names() -> list[str]:
    import typer.main

    from grader.cli.app import app

    return sorted(typer.main.get_command(app).commands)


@pytest.mark.parametrize("command", [[]] + [[name] for name in command_names()], ids=lambda c: c[0] if c else "learn")
def test_every_command_help_is_chinese(command, capsys, monkeypatch):
    shown = help_in(["--lang", "zh", *command, "--help"], capsys, monkeypatch)
    assert "用法：" in shown
    assert english_sentences(shown) == [], shown
    english = help_in([*command, "--help"], capsys, monkeypatch)
    assert "Usage:" in english and "用法" not in english  # the next run is English again


def subcommands() -> list[list[str]]:
    import typer.main

    from grader.cli.app import app

    found = []
    for name, command in typer.main.get_command(app).commands.items():
        found.append([name])
        found += [[name, sub] for sub in getattr(command, "commands", {})]
    return found


@pytest.mark.parametrize("command", [[], *subcommands()], ids=lambda c: " ".join(c) or "learn")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_help_is_never_cut_in_an_80_column_terminal(command, lang, capsys, monkeypatch):
    """Chinese has no spaces to wrap at: a long run must fold onto the next line, never end in …"""
    shown = help_in(["--lang", lang, *command, "--help"], capsys, monkeypatch, columns=80)
    assert "…" not in shown, shown


def test_learn_lang_env_gives_chinese_help_and_no_type_labels(capsys, monkeypatch):
    shown = help_in(["check", "--help"], capsys, monkeypatch, env_lang="zh")
    assert "用法：learn check" in shown and "评测一道练习" in shown
    assert "<bool>" not in shown and "<str>" not in shown and "{" not in shown


def test_learn_version(capsys, monkeypatch):
    assert help_in(["--version"], capsys, monkeypatch).startswith("learn ")
