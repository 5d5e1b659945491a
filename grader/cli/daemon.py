"""learn daemon status / stop: the warm background process that answers `learn check` (grader.usecases.daemon)."""

from __future__ import annotations

import typer

from grader.cli.app import SETUP, JsonOption, LangOption, app, console, friendly_errors
from grader.text.i18n import T, resolve_lang

daemon_app = typer.Typer(help="The warm background process that answers `learn check`.", no_args_is_help=True)
app.add_typer(daemon_app, name="daemon", rich_help_panel=SETUP)


@daemon_app.command("status")
@friendly_errors
def status(lang: LangOption = None, as_json: JsonOption = False) -> None:
    """Say whether the daemon runs: its pid, age and memory."""
    from dataclasses import asdict

    from grader.render import terminal as render
    from grader.usecases import daemon
    from grader.usecases.doctor import daemon_finding

    language = resolve_lang(lang)
    if as_json:
        try:
            running = daemon.status() if daemon.wanted() else None
        except daemon.FolderRefused:
            running = None
        render.print_json(console, {"running": running is not None, **(asdict(running) if running else {})})
        return
    finding = daemon_finding()
    console.print(finding.detail_in(language), highlight=False, soft_wrap=True)
    if finding.fix is not None:
        console.print(finding.fix.get(language), highlight=False, soft_wrap=True)
    raise typer.Exit(0 if finding.ok else 1)


@daemon_app.command("stop")
@friendly_errors
def stop(lang: LangOption = None) -> None:
    """Stop the daemon and its workers now; the next `learn check` starts a new one."""
    from grader.usecases import daemon

    language = resolve_lang(lang)
    try:
        pid = daemon.stop()
    except daemon.FolderRefused:
        pid = None
    said = (T(f"stopped the daemon (pid {pid})", f"已停止守护进程（pid {pid}）") if pid is not None
            else T("no daemon was running", "没有正在运行的守护进程"))
    console.print(said.get(language), highlight=False)
