"""Every setting `learn` takes from its environment, read in one place.

The CLI reads them once per command (`Settings.from_environ()`) and passes
them down to the engine, the reference cache and the sandbox. Code that
runs without the CLI (the test suite, a worker process) reads them the same
way, so there is one spelling and one default for each variable.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

OFF_WORDS = ("off", "0", "no", "false")


def _switched_off(value: str | None) -> bool:
    return (value or "").strip().lower() in OFF_WORDS


@dataclass(frozen=True)
class Settings:
    #: LEARN_LANG: the language when no --lang is given (resolved by grader.text.i18n)
    lang: str | None = None
    #: LEARN_COLD=1: start each probe as a fresh interpreter instead of forking a warm worker
    cold: bool = False
    #: LEARN_NO_DISK_CACHE=1 / LEARN_CACHE_DIR / XDG_CACHE_HOME: where reference answers are kept (None: nowhere)
    cache_dir: Path | None = None
    #: LEARN_SANDBOX=off: no confinement of learner probes at all
    sandbox: bool = True
    #: LEARN_SANDBOX_NAMESPACES=off: confine without namespaces (the uid-lease fallback)
    namespaces: bool = True
    #: LEARN_SANDBOX_UIDS=60000-60999: the uids a root grader may lease to probes when namespaces are off
    sandbox_uids: str = ""
    #: GITHUB_OUTPUT: the file GitHub Actions reads a step's outputs from
    github_output: str | None = None
    #: LEARN_NO_DAEMON=1: `learn check` never goes through the warm per-user daemon (grader.usecases.daemon)
    no_daemon: bool = False
    #: LEARN_DAEMON_DIR / XDG_RUNTIME_DIR / XDG_CACHE_HOME: the folder of the daemon's socket (None: no daemon)
    daemon_dir: Path | None = None

    @classmethod
    def from_environ(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        return cls(
            lang=env.get("LEARN_LANG") or None,
            cold=env.get("LEARN_COLD") == "1",
            cache_dir=_cache_dir(env),
            sandbox=not _switched_off(env.get("LEARN_SANDBOX")),
            namespaces=not _switched_off(env.get("LEARN_SANDBOX_NAMESPACES")),
            sandbox_uids=env.get("LEARN_SANDBOX_UIDS", "").strip(),
            github_output=env.get("GITHUB_OUTPUT") or None,
            no_daemon=env.get("LEARN_NO_DAEMON") == "1",
            daemon_dir=_daemon_dir(env),
        )


def _cache_dir(env: Mapping[str, str]) -> Path | None:
    """$LEARN_CACHE_DIR, else the user cache folder; None when LEARN_NO_DISK_CACHE=1."""
    if env.get("LEARN_NO_DISK_CACHE") == "1":
        return None
    if env.get("LEARN_CACHE_DIR"):
        return Path(env["LEARN_CACHE_DIR"])
    base = Path(env.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "learn" / "references"


def _daemon_dir(env: Mapping[str, str]) -> Path | None:
    """$LEARN_DAEMON_DIR, else $XDG_RUNTIME_DIR/learn, else the user cache folder's learn/daemon."""
    if env.get("LEARN_DAEMON_DIR"):
        return Path(env["LEARN_DAEMON_DIR"])
    if env.get("XDG_RUNTIME_DIR"):
        return Path(env["XDG_RUNTIME_DIR"]) / "learn"
    try:
        base = Path(env.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    except RuntimeError:  # no home folder: no place for a socket only this user can reach
        return None
    return base / "learn" / "daemon"


def current() -> Settings:
    """The settings as the environment holds them now (what a command reads once at its start)."""
    return Settings.from_environ()
